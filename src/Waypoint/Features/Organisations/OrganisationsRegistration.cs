using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waypoint.Features.Organisations;

internal static class OrganisationsRegistration
{
    public static WebApplicationBuilder AddOrganisations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<OrganisationAccess>();
        builder.Services.AddScoped<OrganisationEmails>();
        builder.Services.AddScoped<OrganisationService>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddScoped<ClaimService>();
        return builder;
    }

    public static void MapOrganisations(this WebApplication app) => app.MapOrganisationsApi();
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Features.Authorities.Import;
using Waypoint.Features.Authorities.Proposals;

namespace Waypoint.Features.Authorities;

internal static class AuthoritiesRegistration
{
    public static WebApplicationBuilder AddAuthorities(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReferenceDataOptions>().BindConfiguration(ReferenceDataOptions.Section)
            .Validate(o => ReferenceDirectory.FileNames.All(f => File.Exists(Path.Combine(o.Directory, f))),
                "ReferenceData:Directory must hold the reference data files (eu-countries.csv, eu-nuts-2021-2024.csv, eu-lau-2020.csv).")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => Countries.Load(sp.GetRequiredService<IOptions<ReferenceDataOptions>>().Value.Directory));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IDatabaseSeeder, AuthorityImport>();
        builder.Services.AddScoped<AuthorityDirectory>();
        builder.Services.AddScoped<BodyProposals>();
        builder.Services.Configure<OpenApiOptions>("v1", OpenApiEnums.AddEnumSchemas);
        return builder;
    }

    public static void MapAuthorities(this WebApplication app) => app.MapAuthoritiesApi();
}

namespace Waypoint.Features.GoodPractices;

/// <summary>Shared good practices: publication, moderation and the public library.</summary>
internal static class GoodPracticesRegistration
{
    public static WebApplicationBuilder AddGoodPractices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TopicNames>();
        builder.Services.AddScoped<GoodPracticeEmails>();
        builder.Services.AddScoped<GoodPracticeService>();
        builder.Services.AddScoped<GoodPracticeLibrary>();
        builder.Services.AddScoped<PeerStrengths>();
        return builder;
    }

    public static void MapGoodPractices(this WebApplication app) => app.MapGoodPracticesApi();
}

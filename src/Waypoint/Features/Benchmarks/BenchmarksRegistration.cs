namespace Waypoint.Features.Benchmarks;

/// <summary>The peer benchmarks: statistics of submitted assessments per peer group, and the open-data API.</summary>
internal static class BenchmarksRegistration
{
    public static WebApplicationBuilder AddBenchmarks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BenchmarkOptions>().BindConfiguration(BenchmarkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BenchmarkStore>();
        builder.Services.AddSingleton(_ => RegionNames.Load(RegionNames.GeoDirectory));
        builder.Services.AddHostedService<BenchmarkRefresher>();
        builder.Services.AddScoped<BenchmarkReports>();
        return builder;
    }

    public static void MapBenchmarks(this WebApplication app) => app.MapBenchmarksApi();
}

using Microsoft.Extensions.Options;
using Waypoint.Data;

namespace Waypoint.Features.Synthetic;

/// <summary>
/// In Development only, and only while the database has no synthetic data: loads a slice of Synthetic Europe
/// (<see cref="SyntheticOptions.DemoFraction"/>) at start, so that the dashboards have peers to show right after
/// <c>dotnet run</c>. Tests run in another environment and never get it unless they ask.
/// </summary>
internal sealed class SyntheticDemoSeeder(IHostEnvironment environment, IOptions<SyntheticOptions> options, SyntheticEurope synthetic) : IDatabaseSeeder
{
    public async Task SeedAsync(WaypointDbContext db, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!environment.IsDevelopment() || settings.DemoFraction <= 0) return;
        if (await synthetic.ExistsAsync(cancellationToken)) return;
        await synthetic.GenerateAsync(new SyntheticPlan(settings.DemoRounds, settings.DemoFraction, settings.Seed), cancellationToken);
    }
}

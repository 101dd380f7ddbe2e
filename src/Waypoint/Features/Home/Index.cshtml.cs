using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.GoodPractices;
using Waypoint.Features.Analytics;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Home;

/// <summary>
/// The front page: what Waypoint does, in the order a new authority meets it (measure, compare, learn, share), each
/// with the figure that shows it is real. Every figure is public already (the directory, the catalogue, the library,
/// and the Europe-wide median, which the analytics page shows too) and is suppressed like anywhere else.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(DirectoryCounts directory, BenchmarkStore benchmarks, QuestionnaireCatalog questionnaires, WaypointDbContext db)
    : PageModel
{
    public int Authorities { get; private set; }

    public int Topics { get; private set; }

    public int ToolboxEntries { get; private set; }

    public int GoodPractices { get; private set; }

    /// <summary>The configured minimum size of a group that figures may describe.</summary>
    public int MinimumGroupSize { get; private set; }

    /// <summary>The latest round across Europe, with its size and median overall score; null when there is no round yet
    /// or when it is still too small to describe (early in a new round the figure is gone until enough have submitted).</summary>
    public EuropeFigures? Europe { get; private set; }

    /// <param name="SyntheticMembers">How many of the organisations are synthetic: 0 for none, null for "some" (see
    /// <see cref="BenchmarkSnapshot.SyntheticCountToShow"/>).</param>
    public sealed record EuropeFigures(int Round, int Organisations, double MedianOverall, int? SyntheticMembers);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Authorities = (await directory.GetAsync(cancellationToken)).Of(null, null, null);
        Topics = questionnaires.Current?.Topics.Length ?? 0;
        ToolboxEntries = await db.ToolboxEntries.CountAsync(cancellationToken);
        GoodPractices = await db.SharedGoodPractices.CountAsync(p => p.Status == GoodPracticeStatus.Approved, cancellationToken);

        var snapshot = benchmarks.Current;
        MinimumGroupSize = snapshot.Cube.MinimumGroupSize;
        if (snapshot.LatestRound is not { } round) return;
        var europe = new PeerGroup(round);
        if (snapshot.Summarize(europe, BenchmarkMeasures.OverallIndex) is { IsShown: true, Count: { } count, Median: { } median })
            Europe = new EuropeFigures(round, count, median, snapshot.SyntheticCountToShow(europe, count));
    }
}

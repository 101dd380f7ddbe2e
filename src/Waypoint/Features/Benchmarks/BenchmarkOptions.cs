using System.ComponentModel.DataAnnotations;

namespace Waypoint.Features.Benchmarks;

/// <summary>Settings of the peer benchmarks (section "Benchmarks"). See docs/privacy.md.</summary>
internal sealed class BenchmarkOptions
{
    public const string Section = "Benchmarks";

    /// <summary>No statistic anywhere (pages, API, exports) describes fewer organisations than this.</summary>
    [Range(2, 1000)]
    public int MinimumGroupSize { get; set; } = 5;
}

using System.ComponentModel.DataAnnotations;

namespace Waypoint.Features.Benchmarks;

/// <summary>Settings of the peer benchmarks (section "Benchmarks"). See docs/privacy.md.</summary>
internal sealed class BenchmarkOptions
{
    public const string Section = "Benchmarks";

    /// <summary>No statistic anywhere (pages, API, exports) describes fewer organisations than this.</summary>
    [Range(2, 1000)]
    public int MinimumGroupSize { get; set; } = 5;

    /// <summary>How often each web node looks for new submissions. A submission shows in every figure it touches
    /// within this interval plus the time to apply it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}

using CsvHelper;

namespace Waypoint.Features.Authorities;

/// <summary>How the reference data files are written: comma-separated UTF-8 with a header, names with commas quoted.</summary>
internal static class ReferenceCsv
{
    public static CsvReaderOptions Options { get; } = new() { Separator = ',', HasHeader = true };
}

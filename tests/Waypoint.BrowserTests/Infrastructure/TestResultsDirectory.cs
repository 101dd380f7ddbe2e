namespace Waypoint.BrowserTests.Infrastructure;

/// <summary>Where browser tests leave their files: <c>WAYPOINT_TEST_RESULTS</c>, else <c>TestResults/</c> at the root of
/// the repository (ignored by git), which is also where <c>scripts/test.sh</c> puts its test reports.</summary>
internal static class TestResultsDirectory
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("WAYPOINT_TEST_RESULTS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(FindRepositoryRoot() ?? AppContext.BaseDirectory, "TestResults");

    public static string Screenshots
    {
        get
        {
            var directory = Path.Combine(Root, "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Waypoint.slnx"))) return directory.FullName;
        }
        return null;
    }
}

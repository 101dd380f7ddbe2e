namespace Waypoint.Benchmarks;

/// <summary>The load tools' command line: a verb, then options written as <c>--name value</c> or flags written as <c>--name</c>.</summary>
internal static class CommandLine
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is missing or has no value.</summary>
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>Whether the flag <paramref name="name"/> was given.</summary>
    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;
}

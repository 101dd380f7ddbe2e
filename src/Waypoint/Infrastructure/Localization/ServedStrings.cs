namespace Waypoint.Infrastructure.Localization;

/// <summary>
/// Collects the keys the localizer serves during one request, for the "suggest wording" mode, which lists the strings
/// of a page. Nothing is collected unless a collector was started for the current request: the localizer's cost is
/// then one read of an async-local value.
/// </summary>
internal sealed class ServedStrings
{
    private static readonly AsyncLocal<ServedStrings?> CurrentCollector = new();

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static ServedStrings? Current => CurrentCollector.Value;

    /// <summary>Starts collecting for the current asynchronous flow (the request) and returns the collector.</summary>
    public static ServedStrings Start() => CurrentCollector.Value = new ServedStrings();

    public static void Stop() => CurrentCollector.Value = null;

    public void Add(string key)
    {
        lock (_lock) _keys.Add(key);
    }

    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_lock) return [.. _keys];
        }
    }
}

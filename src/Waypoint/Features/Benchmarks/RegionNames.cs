using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Waypoint.Features.Benchmarks;

/// <summary>A NUTS-2 region's name in its national language and, as Eurostat spells it, in the Latin script. The
/// two differ only for names written in Greek or Cyrillic (Greece, Cyprus, Bulgaria).</summary>
internal sealed record RegionName(string Code, string National, string Latin)
{
    /// <summary>The national name, followed by the Latin one in brackets for a reader whose language is not the one the
    /// national name is written in: "Κεντρική Μακεδονία (Kentriki Makedonia)", but only "Κεντρική Μακεδονία" in Greek.</summary>
    public string For(CultureInfo culture) =>
        Latin.Length == 0 || Latin == National || ScriptLanguage(National) == culture.TwoLetterISOLanguageName
            ? National
            : $"{National} ({Latin})";

    /// <summary>The official EU language written in the name's script: Greek letters are Greek; Cyrillic among the
    /// EU's official languages is Bulgarian only. Null for the Latin script, read by every reader.</summary>
    private static string? ScriptLanguage(string name)
    {
        foreach (var c in name)
        {
            if (c is >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF') return "el";
            if (c is >= '\u0400' and <= '\u04FF') return "bg";
        }
        return null;
    }
}

/// <summary>
/// The names of the NUTS-2 regions, read once from the map's boundary file (Eurostat GISCO, NUTS 2021), which carries
/// both <c>NUTS_NAME</c> (national language) and <c>NAME_LATN</c> (Latin script). The reference CSV of NUTS regions has
/// the national name only.
/// </summary>
internal sealed class RegionNames(FrozenDictionary<string, RegionName> byCode)
{
    public const string FileName = "nuts-2021-level2-20m.geojson";

    /// <summary>Where the boundary files ship with the application (data/geo becomes Geo/).</summary>
    public static string GeoDirectory => Path.Combine(AppContext.BaseDirectory, "Geo");

    public RegionName? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>The region's name for a reader of <paramref name="culture"/> (see <see cref="RegionName.For"/>); the code
    /// when the file does not know it.</summary>
    public string NameOf(string code, CultureInfo culture) => Find(code)?.For(culture) ?? code;

    public static RegionNames Load(string directory)
    {
        using var stream = File.OpenRead(Path.Combine(directory, FileName));
        using var document = JsonDocument.Parse(stream);
        var names = new Dictionary<string, RegionName>(StringComparer.Ordinal);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var code = properties.GetProperty("NUTS_ID").GetString()!;
            var national = properties.GetProperty("NUTS_NAME").GetString()!;
            var latin = properties.TryGetProperty("NAME_LATN", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : national;
            names[code] = new RegionName(code, national, latin);
        }
        return new RegionNames(names.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

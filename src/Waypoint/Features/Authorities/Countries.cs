using System.Globalization;
using CsvHelper;

namespace Waypoint.Features.Authorities;

/// <summary>An EU member state: its Eurostat code (EL for Greece), its ISO 3166 code and its name in each official language.</summary>
internal sealed record Country(string Code, string IsoCode, string EnglishName, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The name in the language of <paramref name="culture"/>, in English when the file has none.</summary>
    public string NameIn(CultureInfo culture) =>
        Names.TryGetValue(culture.TwoLetterISOLanguageName, out var name) && name.Length > 0 ? name : EnglishName;
}

/// <summary>The 27 member states, read once from <c>eu-countries.csv</c>.</summary>
internal sealed class Countries
{
    public const string FileName = "eu-countries.csv";

    private readonly Dictionary<string, Country> _byCode;

    public Countries(IReadOnlyList<Country> all)
    {
        All = all;
        _byCode = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in all)
        {
            _byCode[country.Code] = country;
            // People who know ISO codes write GR for Greece; Eurostat and the directory write EL.
            _byCode.TryAdd(country.IsoCode, country);
        }
    }

    public IReadOnlyList<Country> All { get; }

    /// <summary>The country for a Eurostat or ISO code, in any case; null when it is not a member state.</summary>
    public Country? Find(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var c) ? c : null;

    /// <summary>The member states sorted by their name in <paramref name="culture"/>, for select lists.</summary>
    public IEnumerable<(string Code, string Name)> SortedFor(CultureInfo culture) =>
        All.Select(c => (c.Code, Name: c.NameIn(culture))).OrderBy(c => c.Name, StringComparer.Create(culture, ignoreCase: true));

    public string NameOf(string code, CultureInfo culture) => Find(code)?.NameIn(culture) ?? code;

    public static Countries Load(string directory)
    {
        using var csv = CsvReader.FromFile(Path.Combine(directory, FileName), ReferenceCsv.Options);
        // The file names English twice (name_en after the codes and among the languages): the first one counts.
        var languageColumns = csv.Headers
            .Select((header, index) => (header, index))
            .Where(h => h.header.StartsWith("name_", StringComparison.Ordinal))
            .DistinctBy(h => h.header, StringComparer.Ordinal)
            .ToList();
        var (eurostat, iso) = (csv.GetFieldIndex("eurostat_code"), csv.GetFieldIndex("iso3166_alpha2"));
        var all = new List<Country>();
        while (csv.Read())
        {
            var names = languageColumns.ToDictionary(h => h.header["name_".Length..], h => csv.GetString(h.index).Trim(), StringComparer.Ordinal);
            all.Add(new Country(csv.GetString(eurostat).Trim(), csv.GetString(iso).Trim(), names["en"], names));
        }
        if (all.Count == 0) throw new InvalidOperationException($"No countries in {FileName}.");
        return new Countries(all);
    }
}

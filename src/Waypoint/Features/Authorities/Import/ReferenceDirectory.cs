using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities.Import;

/// <summary>One authority as the reference data describes it; <see cref="ParentCode"/> links it to the level above.</summary>
internal sealed record ReferenceAuthority(
    string Code,
    AuthorityType Type,
    int? NutsLevel,
    string Name,
    string CountryCode,
    string? NutsCode,
    long? Population,
    double? AreaKm2,
    string? ParentCode);

/// <summary>
/// The directory as the reference data files describe it: member states (eu-countries.csv), NUTS 2021 regions of
/// levels 1 to 3 (eu-nuts-2021-2024.csv) and LAU municipalities (eu-lau-2020.csv), parents before children,
/// with a SHA-256 of the files (and of <see cref="FormatVersion"/>) that says whether anything changed.
/// </summary>
internal sealed class ReferenceDirectory
{
    public const string NutsFileName = "eu-nuts-2021-2024.csv";
    public const string LauFileName = "eu-lau-2020.csv";

    /// <summary>Part of the hash: raise it when the way rows are read or folded changes, so that every database
    /// re-imports (updating names, search names, parents) at its next start even though the files did not change.</summary>
    public const string FormatVersion = "authorities-2";

    private ReferenceDirectory(IReadOnlyList<ReferenceAuthority> authorities, string sha256)
    {
        Authorities = authorities;
        Sha256 = sha256;
    }

    /// <summary>Member states, then regions of level 1, 2 and 3, then municipalities: every parent comes before its children.</summary>
    public IReadOnlyList<ReferenceAuthority> Authorities { get; }

    public string Sha256 { get; }

    public static string[] FileNames => [Countries.FileName, NutsFileName, LauFileName];

    /// <summary>The hash alone, cheap enough to compute at every start before deciding whether to read the files.</summary>
    public static async Task<string> HashAsync(string directory, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(FormatVersion));
        foreach (var name in FileNames)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes("\n" + name + "\n"));
            hash.AppendData(await File.ReadAllBytesAsync(Path.Combine(directory, name), cancellationToken));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static async Task<ReferenceDirectory> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var sha256 = await HashAsync(directory, cancellationToken);
        var countries = Countries.Load(directory);
        var municipalities = ReadMunicipalities(Path.Combine(directory, LauFileName));
        var linkedRegions = municipalities.Select(m => m.ParentCode!).ToHashSet(StringComparer.Ordinal);
        var regions = ReadRegions(Path.Combine(directory, NutsFileName), linkedRegions);

        var states = countries.All
            .Select(c => new ReferenceAuthority(c.Code, AuthorityType.MemberState, null, c.EnglishName, c.Code, c.Code, null, null, null))
            .ToList();
        var all = states
            .Concat(regions.Where(r => r.NutsLevel == 1))
            .Concat(regions.Where(r => r.NutsLevel == 2))
            .Concat(regions.Where(r => r.NutsLevel == 3))
            .Concat(municipalities)
            .ToList();
        CheckParents(all);
        return new ReferenceDirectory(WithTotals(all), sha256);
    }

    private static List<ReferenceAuthority> ReadRegions(string path, HashSet<string> linkedRegions)
    {
        var regions = new List<ReferenceAuthority>();
        foreach (var row in ReadRows(path, "country", "code_2021", "level", "name"))
        {
            var (country, code, level, name) = (row[0], row[1], row[2], row[3]);
            // Regions new in 2024 have no 2021 code: the municipalities link to the 2021 regions, so those are the
            // directory's regions, including the ones whose 2024 code is empty.
            if (code.Length == 0 || level is not ("1" or "2" or "3")) continue;
            // "Extra-Regio" (BEZ, BEZZ, BEZZZ…) groups what lies outside every region, such as the continental shelf,
            // and is no authority; but Mount Athos (EL_99010000) lies in ELZZZ, so those that hold a municipality stay.
            if (code.AsSpan(2).Trim('Z').IsEmpty && !linkedRegions.Any(r => r.StartsWith(code, StringComparison.Ordinal))) continue;
            var nutsLevel = level[0] - '0';
            // A NUTS code is its parent's code plus one character; the parent of a level-1 region is the member state.
            var parent = nutsLevel == 1 ? country : code[..^1];
            regions.Add(new ReferenceAuthority(code, AuthorityType.Region, nutsLevel, name, country, code, null, null, parent));
        }
        return regions;
    }

    private static List<ReferenceAuthority> ReadMunicipalities(string path)
    {
        var municipalities = new List<ReferenceAuthority>(100_000);
        foreach (var row in ReadRows(path, "gisco_id", "country", "name", "nuts3_2021", "population_2020", "area_km2"))
        {
            var (code, country, name, nuts3) = (row[0], row[1], row[2], row[3]);
            // A few municipalities have no population figure ("NA" or empty): unknown, which is not zero.
            long? population = long.TryParse(row[4], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
            double? area = double.TryParse(row[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ? a : null;
            municipalities.Add(new ReferenceAuthority(code, AuthorityType.Municipality, null, name, country, nuts3, population, area, nuts3));
        }
        return municipalities;
    }

    /// <summary>Reads the named columns of every row, trimmed, in the order asked for.</summary>
    private static IEnumerable<string[]> ReadRows(string path, params string[] columns)
    {
        using var csv = CsvReader.FromFile(path, ReferenceCsv.Options);
        var indexes = columns.Select(c => csv.GetFieldIndex(c)).ToArray();
        while (csv.Read())
        {
            var row = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++) row[i] = csv.GetString(indexes[i]).Trim();
            yield return row;
        }
    }

    private static void CheckParents(List<ReferenceAuthority> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var authority in all)
        {
            if (authority.ParentCode is { } parent && !seen.Contains(parent))
            {
                throw new InvalidDataException($"Reference data: {authority.Code} ({authority.Name}) links to {parent}, which is not a known region or member state.");
            }
            if (!seen.Add(authority.Code))
            {
                throw new InvalidDataException($"Reference data: the code {authority.Code} appears twice.");
            }
        }
    }

    /// <summary>Regions and member states get the population and area of their municipalities added up (the
    /// municipalities cover the whole territory), so that a search ranks "Bayern" by its size too.</summary>
    private static List<ReferenceAuthority> WithTotals(List<ReferenceAuthority> all)
    {
        var population = new Dictionary<string, long>(StringComparer.Ordinal);
        var area = new Dictionary<string, double>(StringComparer.Ordinal);
        var parentOf = all.Where(a => a.ParentCode is not null).ToDictionary(a => a.Code, a => a.ParentCode!, StringComparer.Ordinal);
        foreach (var municipality in all.Where(a => a.Type == AuthorityType.Municipality))
        {
            for (var code = municipality.ParentCode; code is not null; code = parentOf.GetValueOrDefault(code))
            {
                if (municipality.Population is { } p) population[code] = population.GetValueOrDefault(code) + p;
                if (municipality.AreaKm2 is { } a) area[code] = area.GetValueOrDefault(code) + a;
            }
        }
        return all
            .Select(a => a.Type == AuthorityType.Municipality
                ? a
                : a with
                {
                    Population = population.TryGetValue(a.Code, out var p) ? p : null,
                    AreaKm2 = area.TryGetValue(a.Code, out var km2) ? Math.Round(km2, 2) : null,
                })
            .ToList();
    }
}

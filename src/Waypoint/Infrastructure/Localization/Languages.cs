using System.Globalization;

namespace Waypoint.Infrastructure.Localization;

/// <summary>An official EU language: ISO 639-1 code, its name in English and in itself.</summary>
internal sealed record Language(string Code, string EnglishName, string NativeName)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Code);
}

/// <summary>The 24 official EU languages, from the reference data file <c>eu-languages.csv</c>.</summary>
internal sealed class Languages
{
    public const string Default = "en";

    public Languages(IReadOnlyList<Language> all)
    {
        All = all;
        _byCode = all.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
    }

    private readonly Dictionary<string, Language> _byCode;

    public IReadOnlyList<Language> All { get; }

    public bool IsSupported(string? code) => code is not null && _byCode.ContainsKey(code);

    public Language? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var l) ? l : null;

    public static Languages Load(string csvPath)
    {
        var all = File.ReadLines(csvPath).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 4)
            .Select(cells => new Language(cells[0].Trim(), cells[2].Trim(), cells[3].Trim()))
            .ToList();
        if (all.Count == 0) throw new InvalidOperationException($"No languages in {csvPath}.");
        return new Languages(all);
    }
}

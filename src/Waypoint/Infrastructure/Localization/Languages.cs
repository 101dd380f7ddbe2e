using System.Globalization;

namespace Waypoint.Infrastructure.Localization;

/// <summary>An official EU language: ISO 639-1 code, its name in English and in itself.</summary>
internal sealed record Language(string Code, string EnglishName, string NativeName)
{
    public CultureInfo Culture { get; } = CultureFor(Code);

    /// <summary>Plain "en" writes dates the American way (11/5/2026, 5:21 PM), which European readers take for the
    /// 11th of May: English here writes them as Ireland, an EU member state, does (05/11/2026 17:21).</summary>
    private static CultureInfo CultureFor(string code)
    {
        if (!code.Equals("en", StringComparison.OrdinalIgnoreCase)) return CultureInfo.GetCultureInfo(code);
        var english = new CultureInfo(code) { DateTimeFormat = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("en-IE").DateTimeFormat.Clone() };
        return CultureInfo.ReadOnly(english);
    }
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

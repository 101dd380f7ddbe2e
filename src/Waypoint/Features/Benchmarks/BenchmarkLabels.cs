using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks.Cube;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Benchmarks;

/// <summary>How benchmarks name bands, groups, measures and suppression in the reader's language. Each label is a
/// literal localizer call, so that the translation extractor finds it.</summary>
internal static class BenchmarkLabels
{
    public static string Band(PopulationBand band, IStringLocalizer l) => band switch
    {
        PopulationBand.Under1000 => l["Fewer than 1,000 inhabitants"],
        PopulationBand.From1000To4999 => l["1,000 to 4,999 inhabitants"],
        PopulationBand.From5000To19999 => l["5,000 to 19,999 inhabitants"],
        PopulationBand.From20000To99999 => l["20,000 to 99,999 inhabitants"],
        PopulationBand.From100000To499999 => l["100,000 to 499,999 inhabitants"],
        PopulationBand.From500000 => l["500,000 inhabitants or more"],
        _ => l["Population unknown"],
    };

    public static string Suppression(Suppression.Reason reason, int minimum, IStringLocalizer l) => reason switch
    {
        Cube.Suppression.Reason.TooFew => l["Not shown: fewer than {0} organisations.", minimum],
        Cube.Suppression.Reason.Differencing => l["Not shown: it would reveal a smaller group by difference with another figure."],
        _ => "",
    };

    public static string ReasonCode(Suppression.Reason reason) => reason switch
    {
        Cube.Suppression.Reason.TooFew => "too-few",
        Cube.Suppression.Reason.Differencing => "differencing",
        _ => "",
    };

    /// <summary>"Germany · Municipalities · 5,000 to 19,999 inhabitants · 2026", "region EL52 Κεντρική Μακεδονία (Kentriki
    /// Makedonia) · 2026", or "All of Europe · 2026".</summary>
    public static string Group(PeerGroup group, Countries countries, RegionNames regions, IStringLocalizer l)
    {
        var parts = new List<string>();
        if (group.Nuts2Code is not null)
        {
            parts.Add(l["region {0}", regions.Find(group.Nuts2Code) is { } region
                ? $"{group.Nuts2Code} {region.For(CultureInfo.CurrentUICulture)}"
                : group.Nuts2Code]);
        }
        else if (group.CountryCode is not null) parts.Add(countries.Find(group.CountryCode)?.NameIn(CultureInfo.CurrentUICulture) ?? group.CountryCode);
        else parts.Add(l["All of Europe"]);
        if (group.AuthorityType is { } type) parts.Add(AuthorityLabels.TypeFilter(type, l));
        if (group.PopulationBand is { } band) parts.Add(Band(band, l));
        parts.Add(group.Round.ToString(CultureInfo.InvariantCulture));
        return string.Join(" · ", parts);
    }

    public static string Measure(string key, Questionnaire? questionnaire, IStringLocalizer l) =>
        key == BenchmarkMeasures.Overall ? l["Overall"] : questionnaire?.FindSection(key)?.Title ?? key;
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities;

/// <summary>How the pages name types, kinds and figures of authorities, in the reader's language.</summary>
internal static class AuthorityLabels
{
    public static string Type(AuthorityType type, int? nutsLevel, IStringLocalizer localizer) => type switch
    {
        AuthorityType.MemberState => localizer["Member state"],
        AuthorityType.Region when nutsLevel is { } level => localizer["Region (NUTS {0})", level],
        AuthorityType.Region => localizer["Region"],
        AuthorityType.Municipality => localizer["Municipality"],
        _ => localizer["Other public body"],
    };

    /// <summary>The plain type names, as the search's type filter offers them.</summary>
    public static string TypeFilter(AuthorityType type, IStringLocalizer localizer) => type switch
    {
        AuthorityType.MemberState => localizer["Member states"],
        AuthorityType.Region => localizer["Regions (NUTS 1, 2 and 3)"],
        AuthorityType.Municipality => localizer["Municipalities"],
        _ => localizer["Other public bodies"],
    };

    public static string Kind(OtherBodyKind kind, IStringLocalizer localizer) => kind switch
    {
        OtherBodyKind.InterMunicipalAssociation => localizer["Inter-municipal association"],
        OtherBodyKind.Agency => localizer["Public agency"],
        OtherBodyKind.MetropolitanArea => localizer["Metropolitan area"],
        _ => localizer["Other public body"],
    };

    /// <summary>"1,484,226" in the reader's culture, or "unknown": a missing figure is not zero.</summary>
    public static string Population(long? population, IStringLocalizer localizer) =>
        population is { } p ? p.ToString("N0", CultureInfo.CurrentCulture) : localizer["unknown"];

    public static string Area(double? areaKm2, IStringLocalizer localizer) =>
        areaKm2 is { } a ? localizer["{0} km²", a.ToString("N2", CultureInfo.CurrentCulture)] : localizer["unknown"];
}

using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;

namespace Waypoint.Features.Benchmarks;

/// <summary>
/// A set of comparable organisations: those that submitted in <see cref="Round"/> and match every dimension given
/// (null means any). Country and NUTS-2 region are one geographic dimension: a region implies its country. Every
/// combination is a group: all of Europe, a country, a region, a type, a band, or any of these together.
/// </summary>
internal sealed record PeerGroup(int Round, string? CountryCode = null, string? Nuts2Code = null, AuthorityType? AuthorityType = null,
    PopulationBand? PopulationBand = null)
{
    /// <summary>The country the group lies in, from the region when only that is given.</summary>
    public string? Country => Nuts2Code is { Length: >= 2 } ? Nuts2Code[..2] : CountryCode;

    public bool IsAllOfEurope => Country is null && AuthorityType is null && PopulationBand is null;

    /// <summary>The standard peer groups of one organisation's authority in a round, broadest last.</summary>
    public static IReadOnlyList<(string Key, PeerGroup Group)> StandardFor(int round, string countryCode, string? nuts2Code,
        AuthorityType type, PopulationBand band)
    {
        var groups = new List<(string, PeerGroup)>
        {
            ("country", new PeerGroup(round, countryCode)),
        };
        if (nuts2Code is not null) groups.Add(("region", new PeerGroup(round, countryCode, nuts2Code)));
        groups.Add(("type", new PeerGroup(round, AuthorityType: type)));
        groups.Add(("band", new PeerGroup(round, PopulationBand: band)));
        groups.Add(("country-type-band", new PeerGroup(round, countryCode, AuthorityType: type, PopulationBand: band)));
        groups.Add(("europe", new PeerGroup(round)));
        return groups;
    }
}

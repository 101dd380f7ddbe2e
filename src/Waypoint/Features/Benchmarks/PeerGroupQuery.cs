using Microsoft.Extensions.Localization;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Authorities;

namespace Waypoint.Features.Benchmarks;

/// <summary>A peer group as asked for in a query string (round, country, nuts2, type, band, topic), checked field by
/// field so that a wrong value gets a message naming the field and what it accepts.</summary>
internal sealed record PeerGroupQuery(int? Round, string? Country, string? Nuts2, string? Type, string? Band, string? Topic)
{
    /// <summary>The group, with the latest round when none is given; or the errors per field.</summary>
    public (PeerGroup? Group, int? Measure, Dictionary<string, string[]> Errors) Resolve(BenchmarkSnapshot snapshot, Countries countries, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string[]>();
        var round = Round ?? snapshot.LatestRound ?? DateTime.UtcNow.Year;
        if (round is < 2000 or > 2100) errors["round"] = [l["round must be a year such as {0}.", DateTime.UtcNow.Year]];

        string? country = null;
        if (!string.IsNullOrWhiteSpace(Country))
        {
            country = countries.Find(Country)?.Code;
            if (country is null) errors["country"] = [l["'{0}' is not an EU member state. Use a Eurostat country code such as DE, FR or EL.", Country]];
        }
        string? nuts2 = null;
        if (!string.IsNullOrWhiteSpace(Nuts2))
        {
            nuts2 = Nuts2.Trim().ToUpperInvariant();
            if (nuts2.Length != 4 || countries.Find(nuts2[..2]) is null)
                errors["nuts2"] = [l["'{0}' is not a NUTS-2 code. A NUTS-2 code has four characters, such as DE21.", Nuts2]];
            else if (country is not null && !nuts2.StartsWith(country, StringComparison.Ordinal))
                errors["nuts2"] = [l["Region {0} is not in country {1}.", nuts2, country]];
        }
        AuthorityType? type = null;
        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (Enum.TryParse<AuthorityType>(Type.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) type = parsed;
            else errors["type"] = [l["'{0}' is not an authority type. Use one of: {1}.", Type, string.Join(", ", Enum.GetNames<AuthorityType>())]];
        }
        PopulationBand? band = null;
        if (!string.IsNullOrWhiteSpace(Band))
        {
            if (Enum.TryParse<PopulationBand>(Band.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) band = parsed;
            else errors["band"] = [l["'{0}' is not a population band. Use one of: {1}.", Band, string.Join(", ", Enum.GetNames<PopulationBand>())]];
        }
        int? measure = null;
        if (!string.IsNullOrWhiteSpace(Topic))
        {
            measure = BenchmarkMeasures.IndexOf(Topic.Trim());
            if (measure < 0) errors["topic"] = [l["'{0}' is not a topic. Use one of: {1}.", Topic, string.Join(", ", BenchmarkMeasures.Keys)]];
        }
        return errors.Count > 0 ? (null, null, errors) : (new PeerGroup(round, country, nuts2, type, band), measure, errors);
    }
}

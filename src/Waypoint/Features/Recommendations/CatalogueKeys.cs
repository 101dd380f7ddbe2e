using System.Collections.Frozen;

namespace Waypoint.Features.Recommendations;

/// <summary>The toolbox catalogue entries recommendations may link to, by key. The toolbox resolves a key to its
/// entry at <c>/toolbox/{key}</c>; a recommendation names keys only, so that the catalogue can change its texts.</summary>
internal static class CatalogueKeys
{
    public static readonly FrozenSet<string> Known = new[]
    {
        "mims-plus", "ngsi-ld", "smart-data-models", "interoperable-europe-act", "european-interoperability-framework",
        "dcat-ap", "open-data-directive", "data-governance-act", "ai-act", "web-accessibility-directive",
        "local-digital-twins-toolbox", "ds4sscc-blueprint", "fiware", "eu-ai-model-clauses", "innovation-procurement-guidance",
        "urbact-digital-transformation", "ai-campus", "elements-of-ai", "digital-skills-and-jobs-platform",
        "digital-europe-programme", "horizon-europe-cities-mission", "european-urban-initiative", "technical-support-instrument",
        "living-in-eu", "oasc", "enoll", "eurocities", "european-digital-identity-wallet", "once-only-technical-system",
        "interoperable-europe-portal",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string PathOf(string key) => "/toolbox/" + Uri.EscapeDataString(key);
}

namespace Waypoint.Data.Recommendations;

/// <summary>
/// One recommendation of the library: what an authority (or a region or country, for policy) can do next in one
/// topic, when it applies, and which catalogue entries help. Seeded from content/recommendations/library.yaml;
/// editors change, add and retire them, and the seeder never overwrites what an editor changed.
/// </summary>
public sealed class Recommendation
{
    public const int KeyMaxLength = 80;
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    public required string Key { get; set; }

    public RecommendationLevel Level { get; set; }

    /// <summary>The questionnaire topic it belongs to (<c>data_management</c>, …).</summary>
    public required string TopicKey { get; set; }

    /// <summary>The maturity bands of the topic in which it applies, by name, comma-separated
    /// (<c>starting,developing</c>); empty when only answers trigger it.</summary>
    public string Bands { get; set; } = "";

    /// <summary>The answers that trigger it: <c>question.key:1,2</c> items separated by <c>;</c>; empty when only bands do.</summary>
    public string AnswerRules { get; set; } = "";

    /// <summary>Keys of toolbox catalogue entries, comma-separated.</summary>
    public string CatalogueKeys { get; set; } = "";

    public RecommendationHorizon Horizon { get; set; }

    /// <summary>Following it means buying something: the roadmap adds a procurement checklist.</summary>
    public bool InvolvesProcurement { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    /// <summary>Retired recommendations are kept (roadmaps may name them) but never match again.</summary>
    public bool Retired { get; set; }

    /// <summary>A digest of the library entry it was last seeded from; the seeder updates the row when the entry changes,
    /// unless an editor changed it (<see cref="EditedAt"/>).</summary>
    public string? SourceDigest { get; set; }

    /// <summary>Set when an editor changed, added or retired it: from then on the library file no longer updates it.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    public string? EditedById { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two editors cannot silently overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>Who a recommendation is for: the authority itself (local), or regional or national policy.</summary>
public enum RecommendationLevel
{
    Local,
    Regional,
    National,
}

/// <summary>How long following a recommendation takes; the roadmap groups its actions by it.</summary>
public enum RecommendationHorizon
{
    /// <summary>Three months or less.</summary>
    QuickWin,
    OneYear,
    ThreeYears,
}

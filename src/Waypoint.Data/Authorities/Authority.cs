namespace Waypoint.Data.Authorities;

/// <summary>
/// A public authority of the EU: a member state, a NUTS region, a municipality (LAU) or another public body
/// proposed by a user. The first three come from the reference data and are keyed by <see cref="Code"/>,
/// so that re-importing updates them in place.
/// </summary>
public sealed class Authority
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    /// <summary>Stable key: the Eurostat country code ("DE"), the NUTS code ("DE21") or the LAU GISCO id ("DE_09162000").
    /// Other public bodies get "OPB-" and a random suffix.</summary>
    public required string Code { get; set; }

    public AuthorityType Type { get; set; }

    /// <summary>1, 2 or 3 for regions; null otherwise.</summary>
    public int? NutsLevel { get; set; }

    public required string Name { get; set; }

    /// <summary>The name folded for search: lower case, accents removed ("São" → "sao"). See <c>SearchText.Fold</c>.</summary>
    public required string SearchName { get; set; }

    /// <summary>Eurostat country code (EL for Greece).</summary>
    public required string CountryCode { get; set; }

    /// <summary>A region's own NUTS code, or the NUTS-3 region a municipality lies in.</summary>
    public string? NutsCode { get; set; }

    /// <summary>Unknown for some municipalities: null, never zero.</summary>
    public long? Population { get; set; }

    public double? AreaKm2 { get; set; }

    public int? ParentId { get; set; }
    public Authority? Parent { get; set; }

    public AuthorityStatus Status { get; set; } = AuthorityStatus.Active;

    /// <summary>For other public bodies only: what kind of body it is.</summary>
    public OtherBodyKind? OtherBodyKind { get; set; }

    /// <summary>For other public bodies only: who proposed it.</summary>
    public string? ProposedById { get; set; }

    public DateTimeOffset? ProposedAt { get; set; }
}

public enum AuthorityType
{
    MemberState,
    Region,
    Municipality,
    OtherPublicBody,
}

public enum AuthorityStatus
{
    /// <summary>Listed in the directory and can be claimed.</summary>
    Active,
    /// <summary>An other public body waiting for a platform admin.</summary>
    Proposed,
    Rejected,
}

public enum OtherBodyKind
{
    InterMunicipalAssociation,
    Agency,
    MetropolitanArea,
    Other,
}

using Waypoint.Data.Authorities;

namespace Waypoint.Data.Organisations;

/// <summary>The team that speaks for one authority on Waypoint. An authority has at most one organisation.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;

    public LivingInEuStatus LivingInEuStatus { get; set; } = LivingInEuStatus.None;

    public SubGroups SubGroups { get; set; } = SubGroups.None;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The organisation chose to publish its results: only then does its name appear beside its scores in
    /// benchmarks and its good practices may be listed. Private by default.</summary>
    public bool ResultsPublished { get; set; }

    /// <summary>Created by the Synthetic Europe command for demonstrations and load tests.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>Optimistic concurrency: two admins editing the profile at once must not overwrite each other.</summary>
    public int Version { get; set; }

    public List<OrganisationMembership> Members { get; set; } = [];
}

/// <summary>Where the organisation stands with the Living-in.EU movement.</summary>
public enum LivingInEuStatus
{
    None,
    Supporter,
    Signatory,
}

/// <summary>The five sub-groups of the Living-in.EU movement an organisation takes part in.</summary>
[Flags]
public enum SubGroups
{
    None = 0,
    Legal = 1,
    Financial = 2,
    EducationAndCapacityBuilding = 4,
    Technical = 8,
    Monitoring = 16,
}

using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;

namespace Waypoint.Data.GoodPractices;

/// <summary>
/// A good practice an organisation chose to share from one of its submitted assessments (a
/// <see cref="Assessments.TopicGoodPractice"/>), copied at the time it was published so that the library never changes
/// when nobody moderated the change. An editor approves it (possibly after editing it) or rejects it with a reason;
/// only approved ones are listed publicly, with the authority's name: publishing is the organisation's consent to that.
/// </summary>
public sealed class SharedGoodPractice
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int UrlMaxLength = 500;
    public const int RejectionReasonMaxLength = 500;

    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    /// <summary>The assessment and topic it comes from: each topic's good practice is shared at most once.</summary>
    public Guid AssessmentId { get; set; }
    public required string TopicKey { get; set; }
    public int Round { get; set; }

    public required string Title { get; set; }
    public string? Url { get; set; }
    public required string Description { get; set; }

    /// <summary>Title, description and authority name folded for search (see <c>SearchText.Fold</c>), words separated by one space.</summary>
    public required string SearchText { get; set; }

    /// <summary>The authority's name and peer dimensions when it was published, for the library's filters.</summary>
    public int AuthorityId { get; set; }
    public required string AuthorityName { get; set; }
    public required string CountryCode { get; set; }
    public AuthorityType AuthorityType { get; set; }
    public PopulationBand PopulationBand { get; set; }

    public GoodPracticeStatus Status { get; set; } = GoodPracticeStatus.Pending;
    /// <summary>Why an editor rejected it or, for <see cref="GoodPracticeStatus.Unpublished"/>, took it out of the library.</summary>
    public string? RejectionReason { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedById { get; set; }

    /// <summary>Two editors deciding at once: the second gets a conflict instead of overwriting the first.</summary>
    public int Version { get; set; }
}

/// <summary>Stored as its number: new states are added at the end.</summary>
public enum GoodPracticeStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>The organisation took it back (pending or in the library). It may share it again, through moderation again.</summary>
    Withdrawn,

    /// <summary>An editor took it out of the library, with a reason (<see cref="SharedGoodPractice.RejectionReason"/>) the
    /// organisation's admins are emailed. The organisation may correct it and share it again, through moderation again.</summary>
    Unpublished,
}

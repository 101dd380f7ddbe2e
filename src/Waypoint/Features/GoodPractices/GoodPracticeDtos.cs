using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.GoodPractices;

namespace Waypoint.Features.GoodPractices;

/// <summary>An approved good practice as the public library shows it, with the name of the authority that shared it.</summary>
internal sealed record GoodPracticeEntryDto(
    Guid Id,
    string TopicKey,
    string Topic,
    string Title,
    string? Url,
    string Description,
    int AuthorityId,
    string AuthorityName,
    string CountryCode,
    AuthorityType AuthorityType,
    PopulationBand PopulationBand,
    int Round,
    DateTimeOffset? ApprovedAt);

/// <param name="Total">How many good practices match; when <paramref name="MoreThanTotal"/> is true, more than that: counting
/// stops at <see cref="GoodPracticeLibrary.CountLimit"/> (or at the end of the page asked for, when it is further).</param>
internal sealed record GoodPracticeResults(IReadOnlyList<GoodPracticeEntryDto> Items, int Page, int PageSize, int Total, bool MoreThanTotal)
{
    /// <summary>The pages counted so far: all of them, unless <see cref="MoreThanTotal"/>.</summary>
    public int PageCount => (Total + PageSize - 1) / PageSize;

    public bool HasNextPage => Page < PageCount || (MoreThanTotal && Items.Count == PageSize);
}

/// <summary>A shared good practice as its organisation and the editors see it, whatever its status.</summary>
internal sealed record SharedGoodPracticeDto(
    Guid Id,
    Guid OrganisationId,
    Guid AssessmentId,
    int Round,
    string TopicKey,
    string Topic,
    string Title,
    string? Url,
    string Description,
    string AuthorityName,
    string CountryCode,
    GoodPracticeStatus Status,
    string? RejectionReason,
    DateTimeOffset PublishedAt,
    DateTimeOffset? DecidedAt,
    int Version);

/// <summary>A good practice written in one of the organisation's submitted assessments, and what became of it if it was shared.</summary>
internal sealed record PublishableGoodPracticeDto(
    Guid AssessmentId,
    int Round,
    string TopicKey,
    string Topic,
    string? SolutionName,
    string? Url,
    string? Achievement,
    SharedGoodPracticeDto? Shared)
{
    /// <summary>Not shared yet, or rejected, withdrawn or unpublished: an admin may (again) propose it.</summary>
    public bool CanPublish => Shared is null || GoodPracticeService.MayShareAgain(Shared.Status);

    /// <summary>Waiting for an editor or in the library: an admin may withdraw it.</summary>
    public bool CanWithdraw => Shared is not null && GoodPracticeService.MayWithdraw(Shared.Status);
}

/// <summary>Propose a good practice of a submitted assessment for the library. The text is what will be shown: it starts
/// as the assessment's answer, and the admin may reword it (for readers outside the organisation) before sending.</summary>
internal sealed record PublishGoodPracticeRequest(Guid? AssessmentId, string? TopicKey, string? Title, string? Url, string? Description);

/// <summary>The text of a good practice, as an editor corrects it before approving.</summary>
internal sealed record GoodPracticeText(string? Title, string? Url, string? Description);

/// <summary>Approve the version the editor read; with <see cref="Changes"/>, after replacing the text with them.</summary>
internal sealed record ApproveGoodPracticeRequest(int? Version, GoodPracticeText? Changes);

internal sealed record RejectGoodPracticeRequest(int? Version, string? Reason);

/// <summary>Withdraw the version the organisation's admin read from the library (or from the moderation queue).</summary>
internal sealed record WithdrawGoodPracticeRequest(int? Version);

/// <summary>Take an approved good practice out of the library, with a reason the organisation's admins receive.</summary>
internal sealed record UnpublishGoodPracticeRequest(int? Version, string? Reason);

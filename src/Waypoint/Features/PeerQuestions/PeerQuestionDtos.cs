namespace Waypoint.Features.PeerQuestions;

internal sealed record QuestionSummaryDto(Guid Id, string TopicKey, string Topic, string Title, string AuthorityName, DateTimeOffset AskedAt, int AnswerCount);

internal sealed record QuestionResults(IReadOnlyList<QuestionSummaryDto> Items, int Page, int PageSize, int Total)
{
    public int PageCount => (Total + PageSize - 1) / PageSize;
}

internal sealed record PeerAnswerDto(Guid Id, string Body, string AuthorName, string AuthorityName, DateTimeOffset AnsweredAt);

internal sealed record QuestionDto(Guid Id, string TopicKey, string Topic, string Title, string Body, Guid OrganisationId, string AuthorName,
    string AuthorityName, DateTimeOffset AskedAt, IReadOnlyList<PeerAnswerDto> Answers);

/// <summary>Ask the peers a question on a topic, for one of the organisations the person is a member of (the first
/// one when not given).</summary>
internal sealed record AskQuestionRequest(Guid? OrganisationId, string? TopicKey, string? Title, string? Body);

/// <summary>Answer a question for one of the person's organisations other than the asker's (the first such one when not given).</summary>
internal sealed record AnswerQuestionRequest(Guid? OrganisationId, string? Body);

/// <summary>An organisation the person may act for, by id and authority name.</summary>
internal sealed record MemberOrganisation(Guid Id, string Name);

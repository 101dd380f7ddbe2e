using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Assessments;

internal enum AssessmentFailureKind
{
    /// <summary>Fields to correct; nothing was stored. 400.</summary>
    Invalid,
    /// <summary>No such assessment or question among those the person can see. 404.</summary>
    NotFound,
    /// <summary>A member whose role may not do this. 403.</summary>
    Forbidden,
    /// <summary>The write was based on an older version of the answer. 409 with the current answer.</summary>
    Stale,
    /// <summary>The assessment is submitted and never changes again. 409.</summary>
    Submitted,
    /// <summary>The organisation already has an assessment for the round. 409 with its id.</summary>
    Exists,
    /// <summary>Required questions are unanswered, so it cannot be submitted. 422 with the list.</summary>
    Incomplete,
    /// <summary>Another state that forbids the request (no questionnaire published, nothing to copy). 409.</summary>
    Conflict,
}

/// <summary>Why an assessment operation was refused, worded so that a person can act on it. The API turns it into
/// problem details and the pages into form errors, so both say the same thing.</summary>
internal sealed record AssessmentFailure(AssessmentFailureKind Kind, string Message)
{
    /// <summary>For <see cref="AssessmentFailureKind.Invalid"/>: messages by field, keyed by the JSON name of the field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>For a stale answer: the answer as it is stored now (null if it was never stored).</summary>
    public AnswerDto? CurrentAnswer { get; init; }

    /// <summary>For a stale good practice: the good practice as it is stored now.</summary>
    public GoodPracticeDto? CurrentGoodPractice { get; init; }

    /// <summary>For <see cref="AssessmentFailureKind.Exists"/>: the assessment the organisation already has.</summary>
    public Guid? ExistingId { get; init; }

    /// <summary>For <see cref="AssessmentFailureKind.Incomplete"/>: the required questions still unanswered.</summary>
    public IReadOnlyList<MissingAnswerDto> Missing { get; init; } = [];

    public static AssessmentFailure Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static AssessmentFailure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(AssessmentFailureKind.Invalid, string.Join(" ", errors.Values.SelectMany(m => m))) { Errors = errors };

    public IResult ToProblem() => Kind switch
    {
        AssessmentFailureKind.Invalid => ProblemResults.Invalid(Errors.ToDictionary(e => e.Key, e => e.Value)),
        AssessmentFailureKind.NotFound => ProblemResults.NotFound(Message),
        AssessmentFailureKind.Forbidden => ProblemResults.Forbidden(Message),
        AssessmentFailureKind.Stale => Problem(StatusCodes.Status409Conflict, "A newer answer exists", new()
        {
            ["reason"] = "stale",
            ["current"] = (object?)CurrentAnswer ?? CurrentGoodPractice,
            ["currentVersion"] = CurrentAnswer?.Version ?? CurrentGoodPractice?.Version ?? 0,
        }),
        AssessmentFailureKind.Submitted => Problem(StatusCodes.Status409Conflict, "The assessment is submitted", new() { ["reason"] = "submitted" }),
        AssessmentFailureKind.Exists => Problem(StatusCodes.Status409Conflict, "The assessment exists already", new()
        {
            ["reason"] = "exists",
            ["assessmentId"] = ExistingId,
        }),
        AssessmentFailureKind.Incomplete => Problem(StatusCodes.Status422UnprocessableEntity, "Required questions are unanswered", new()
        {
            ["reason"] = "incomplete",
            ["missing"] = Missing,
        }),
        _ => Problem(StatusCodes.Status409Conflict, "Conflict", new() { ["reason"] = "conflict" }),
    };

    private IResult Problem(int status, string title, Dictionary<string, object?> extensions) =>
        TypedResults.Problem(title: title, detail: Message, statusCode: status, extensions: extensions);
}

/// <summary>Either a value or the reason there is none.</summary>
internal readonly record struct AssessmentOutcome<T>(T? Value, AssessmentFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator AssessmentOutcome<T>(T value) => new(value, null);

    public static implicit operator AssessmentOutcome<T>(AssessmentFailure failure) => new(default, failure);
}

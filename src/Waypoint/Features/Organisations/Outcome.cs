using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Organisations;

internal enum FailureKind
{
    /// <summary>The input has fields to correct; nothing was stored.</summary>
    Invalid,
    NotFound,
    /// <summary>The person may see the thing but their role may not do this.</summary>
    Forbidden,
    /// <summary>The request clashes with the current state (a duplicate, a stale version, the last admin).</summary>
    Conflict,
}

/// <summary>Why an organisation operation was refused, worded so that a person can act on it. The API turns it into
/// problem details and the pages into form errors, so both say the same thing.</summary>
internal sealed record Failure(FailureKind Kind, string Message)
{
    /// <summary>For <see cref="FailureKind.Invalid"/>: the messages by field, keyed by the JSON name of the field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>For a stale edit: the version the organisation has now, so that a client can reload and retry.</summary>
    public int? CurrentVersion { get; init; }

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    public static Failure Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, string.Join(" ", errors.Values.SelectMany(m => m))) { Errors = errors };

    public IResult ToProblem() => Kind switch
    {
        FailureKind.Invalid => ProblemResults.Invalid(Errors.ToDictionary(e => e.Key, e => e.Value)),
        FailureKind.NotFound => ProblemResults.NotFound(Message),
        FailureKind.Forbidden => ProblemResults.Forbidden(Message),
        _ => TypedResults.Problem(title: "Conflict", detail: Message, statusCode: StatusCodes.Status409Conflict,
            extensions: CurrentVersion is { } version ? new Dictionary<string, object?> { ["currentVersion"] = version } : null),
    };
}

/// <summary>Either a value or the reason there is none.</summary>
internal readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Refused(Failure failure) => new(default, failure);
}

/// <summary>Collects field errors in the order the fields appear.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public Failure ToFailure() => Failure.Invalid(_errors);
}

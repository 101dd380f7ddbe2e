using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Proofreading;

internal enum RefusalKind
{
    /// <summary>The input has fields to correct; nothing was stored.</summary>
    Invalid,
    NotFound,
    /// <summary>The suggestion was already decided, or the same proposal is already waiting.</summary>
    Conflict,
    /// <summary>The member sent as many suggestions as an hour allows.</summary>
    TooMany,
}

/// <summary>Why a proofreading operation was refused, worded so that a person can act on it; the API turns it into
/// problem details and the pages into form errors.</summary>
internal sealed record Refusal(RefusalKind Kind, string Message)
{
    /// <summary>For <see cref="RefusalKind.Invalid"/>: the messages by field, keyed by the JSON name of the field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>For <see cref="RefusalKind.TooMany"/>: when the member may send again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Refusal Invalid(string field, IReadOnlyList<string> messages) =>
        new(RefusalKind.Invalid, string.Join(" ", messages)) { Errors = new Dictionary<string, string[]> { [field] = [.. messages] } };

    public static Refusal Invalid(string field, string message) => Invalid(field, [message]);

    public IResult ToProblem(HttpContext context)
    {
        switch (Kind)
        {
            case RefusalKind.Invalid:
                return ProblemResults.Invalid(Errors.ToDictionary(e => e.Key, e => e.Value));
            case RefusalKind.NotFound:
                return ProblemResults.NotFound(Message);
            case RefusalKind.Conflict:
                return ProblemResults.Conflict(Message);
            default:
                if (RetryAfter is { } wait)
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: "Too many suggestions", detail: Message, statusCode: StatusCodes.Status429TooManyRequests);
        }
    }
}

/// <summary>Either a value or the reason there is none.</summary>
internal readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

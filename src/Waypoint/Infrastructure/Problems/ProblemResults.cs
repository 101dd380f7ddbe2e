using Microsoft.AspNetCore.Http.HttpResults;

namespace Waypoint.Infrastructure.Problems;

/// <summary>RFC 9457 problem details with a message a person can act on, shared by every API feature.</summary>
internal static class ProblemResults
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request has invalid fields", detail: "Correct the fields listed in 'errors' and send it again.");

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors,
            title: "The request has invalid fields", detail: "Correct the fields listed in 'errors' and send it again.");
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Waypoint.Infrastructure.Problems;

/// <summary>Turns a request the framework could not read (malformed JSON, wrong content type, body too large)
/// into a problem-details response that says what was wrong, instead of a bare 400.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var detail = bad.InnerException is JsonException json
            ? $"The request body is not valid JSON ({json.Message}). Send a JSON object as described in /openapi/v1.json."
            : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Title = "The request could not be read", Detail = detail, Status = bad.StatusCode },
        });
    }
}

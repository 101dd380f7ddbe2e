using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Waypoint.Features.Organisations;

/// <summary>Puts a refusal on a page as form errors. Keys are the ids of the inputs, so that the error summary
/// links to the field to fix; a refusal that concerns no field goes under the empty key.</summary>
internal static class PageErrors
{
    public static void Add(ModelStateDictionary modelState, Failure failure, Func<string, string>? fieldId = null)
    {
        if (failure.Kind != FailureKind.Invalid || failure.Errors.Count == 0)
        {
            modelState.AddModelError(string.Empty, failure.Message);
            return;
        }
        foreach (var (field, messages) in failure.Errors)
        {
            var key = fieldId?.Invoke(field) ?? char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages) modelState.AddModelError(key, message);
        }
    }
}

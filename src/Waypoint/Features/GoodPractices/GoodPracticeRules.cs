using Microsoft.Extensions.Localization;
using Waypoint.Data.GoodPractices;
using Waypoint.Features.Assessments;
using Waypoint.Features.Authorities;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Text;

namespace Waypoint.Features.GoodPractices;

/// <summary>A good practice's text after validation: plain text within its limits, a checked link.</summary>
internal sealed record ValidGoodPracticeText(string Title, string? Url, string Description)
{
    /// <summary>What the search matches: title, description and the authority's name, folded.</summary>
    public string SearchTextWith(string authorityName) => SearchText.Fold($"{Title} {Description} {authorityName}");
}

/// <summary>What a shared good practice's text may be. Pure: the API and the pages refuse the same input with the same messages.</summary>
internal static class GoodPracticeRules
{
    public static ValidGoodPracticeText? Validate(string? title, string? url, string? description, FieldErrors errors, IStringLocalizer l)
    {
        var cleanTitle = PlainText.Normalise(title);
        var cleanDescription = PlainText.Normalise(description);
        var cleanUrl = url?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        var before = errors.Any;
        var hadErrors = false;
        if (PlainText.Check(cleanTitle, l["The title"], SharedGoodPractice.TitleMaxLength, required: true, l) is { } titleProblem)
        {
            errors.Add("title", titleProblem);
            hadErrors = true;
        }
        if (cleanUrl is not null && AnswerRules.CheckLink(cleanUrl, l) is { } linkProblem)
        {
            errors.Add("url", linkProblem);
            hadErrors = true;
        }
        if (PlainText.Check(cleanDescription, l["The description"], SharedGoodPractice.DescriptionMaxLength, required: true, l) is { } descriptionProblem)
        {
            errors.Add("description", descriptionProblem);
            hadErrors = true;
        }
        return hadErrors || before ? null : new ValidGoodPracticeText(cleanTitle!, cleanUrl, cleanDescription!);
    }

    public static string? ValidateReason(string? reason, FieldErrors errors, IStringLocalizer l)
    {
        var clean = PlainText.Normalise(reason);
        if (PlainText.Check(clean, l["The reason"], SharedGoodPractice.RejectionReasonMaxLength, required: true, l) is { } problem)
        {
            errors.Add("reason", problem);
            return null;
        }
        return clean;
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Recommendations;
using Waypoint.Data.Roadmaps;
using Waypoint.Features.Assessments;
using Waypoint.Features.Organisations;
using Waypoint.Features.Recommendations;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Roadmaps;

/// <summary>Checks what people send to change a roadmap. Pure. Texts are plain text: markup is refused, not stripped.</summary>
internal static class RoadmapInput
{
    public static string StatusName(RoadmapActionStatus status) => status switch
    {
        RoadmapActionStatus.InProgress => "in_progress",
        RoadmapActionStatus.Done => "done",
        _ => "planned",
    };

    public static bool TryParseStatus(string? text, out RoadmapActionStatus status)
    {
        foreach (var value in Enum.GetValues<RoadmapActionStatus>())
        {
            if (StatusName(value) == text?.Trim())
            {
                status = value;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>A text field: null when empty; otherwise normalised, or an error when too long or holding markup.</summary>
    public static string? Text(string field, string? value, int maxLength, string name, FieldErrors errors, IStringLocalizer l)
    {
        var text = AnswerRules.NormaliseText(value);
        if (text is null) return null;
        if (text.Length > maxLength) errors.Add(field, l["{0} has {1} characters; keep it to {2}.", name, text.Length, maxLength]);
        else if (PlainText.ContainsMarkup(text)) errors.Add(field, l["{0} contains markup or a script; write plain text only, without < > or character codes.", name]);
        return text;
    }

    public static string? Link(string? value, FieldErrors errors, IStringLocalizer l)
    {
        var link = value?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        if (link is null) return null;
        if (link.Length > RoadmapAction.LinkMaxLength || AnswerRules.CheckLink(link, l) is not null || PlainText.ContainsMarkup(link))
            errors.Add("link", AnswerRules.CheckLink(link, l) ?? l["The link must be a full web address starting with https:// or http://."]);
        return link;
    }

    public static DateOnly? DueDate(string? value, FieldErrors errors, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100)
            return date;
        errors.Add("dueDate", l["Write the due date as year-month-day, such as 2027-03-31."]);
        return null;
    }

    public static RecommendationHorizon? Horizon(string? value, FieldErrors errors, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (RecommendationFormat.TryParseHorizon(value, out var horizon)) return horizon;
        errors.Add("horizon", l["Choose the horizon: quick_win (three months or less), one_year or three_years."]);
        return null;
    }

    public static RoadmapActionStatus? Status(string? value, FieldErrors errors, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (TryParseStatus(value, out var status)) return status;
        errors.Add("status", l["Choose the status: planned, in_progress or done."]);
        return null;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Assessments;
using Waypoint.Features.Assessments.Scoring;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Assessments;

/// <summary>An answer as it is stored, after validation: what a write sets.</summary>
internal sealed record AnswerContent(AnswerChoice Choice, int? Level, string? Value, string? Note, string? EvidenceUrl)
{
    public static AnswerContent Of(AnswerDto answer) =>
        new(AnswerRules.ParseChoice(answer.Choice), answer.Level, answer.Value, answer.Note, answer.EvidenceUrl);

    /// <summary>A short digest of the content, so that a form can tell whether the person changed what it showed.</summary>
    public string Fingerprint() => AnswerRules.Digest($"{Choice}|{Level}|{Value}|{Note}|{EvidenceUrl}");
}

/// <summary>A good practice as it is stored, after validation.</summary>
internal sealed record GoodPracticeContent(string? SolutionName, string? Url, string? Achievement)
{
    public bool IsEmpty => SolutionName is null && Url is null && Achievement is null;

    public static GoodPracticeContent Of(GoodPracticeDto? practice) =>
        practice is null ? new(null, null, null) : new(practice.SolutionName, practice.Url, practice.Achievement);

    public string Fingerprint() => AnswerRules.Digest($"{SolutionName}|{Url}|{Achievement}");
}

/// <summary>What an answer may be, for each type of question. Pure: the API and the pages both validate with it,
/// so both accept and refuse exactly the same input with the same messages.</summary>
internal static class AnswerRules
{
    public const int NoteMaxLength = 2000;
    public const int EvidenceUrlMaxLength = 500;
    public const int ValueMaxLength = 500;
    public const int SolutionNameMaxLength = 200;
    public const int AchievementMaxLength = 2000;

    public const string LevelChoice = "level";
    public const string DontKnow = "dont_know";
    public const string NotApplicable = "not_applicable";
    public const string ValueChoice = "value";
    public const string Yes = "yes";
    public const string No = "no";

    public static string ChoiceName(AnswerChoice choice) => choice switch
    {
        AnswerChoice.Level => LevelChoice,
        AnswerChoice.DontKnow => DontKnow,
        AnswerChoice.NotApplicable => NotApplicable,
        _ => ValueChoice,
    };

    public static AnswerChoice ParseChoice(string name) => name switch
    {
        LevelChoice => AnswerChoice.Level,
        DontKnow => AnswerChoice.DontKnow,
        NotApplicable => AnswerChoice.NotApplicable,
        _ => AnswerChoice.Value,
    };

    /// <summary>The scorer's view of a stored answer to a scale question; null for anything it does not score.</summary>
    public static ScaleAnswer? ToScaleAnswer(AnswerChoice choice, int? level) => choice switch
    {
        AnswerChoice.Level when level is >= ScaleAnswer.LowestLevel and <= ScaleAnswer.HighestLevel => ScaleAnswer.OfLevel(level.Value),
        AnswerChoice.DontKnow => ScaleAnswer.DontKnow,
        AnswerChoice.NotApplicable => ScaleAnswer.NotApplicable,
        _ => null,
    };

    /// <summary>True when a stored answer counts as answering the question (for progress and submission).</summary>
    public static bool Answers(Question question, AnswerChoice choice, int? level, string? value) => question.Scored
        ? ToScaleAnswer(choice, level) is not null
        : choice == AnswerChoice.Value && !string.IsNullOrEmpty(value);

    /// <summary>Checks a request against the question; the content to store, or the errors by field.</summary>
    public static (AnswerContent? Content, Dictionary<string, string[]> Errors) Validate(Question question, SaveAnswerRequest request, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];

        AnswerChoice choice = AnswerChoice.Value;
        int? level = null;
        string? value = null;
        if (question.Scored)
        {
            if (request.Value is { ValueKind: not JsonValueKind.Null })
                Add("value", l["'{0}' is a scale question: send a level from 1 to 5, or choice dont_know or not_applicable, instead of a value.", question.Key]);
            if (request.Level is not null && request.Choice is { Length: > 0 })
                Add("choice", l["Send either a level or a choice, not both."]);
            else if (request.Level is { } given)
            {
                if (given is < ScaleAnswer.LowestLevel or > ScaleAnswer.HighestLevel)
                    Add("level", l["The level must be from 1 (lowest) to 5 (highest); {0} is not.", given]);
                choice = AnswerChoice.Level;
                level = given;
            }
            else if (request.Choice is { Length: > 0 } name)
            {
                switch (name)
                {
                    case DontKnow: choice = AnswerChoice.DontKnow; break;
                    case NotApplicable: choice = AnswerChoice.NotApplicable; break;
                    default: Add("choice", l["The choice must be dont_know or not_applicable; '{0}' is not. For a level, send level from 1 to 5.", name]); break;
                }
            }
            else
            {
                Add("level", l["Choose a level from 1 to 5, or choice dont_know or not_applicable."]);
            }
        }
        else
        {
            if (request.Level is not null || request.Choice is { Length: > 0 })
                Add("value", l["'{0}' is a general-information question: send its value instead of a level or choice.", question.Key]);
            else if (ParseValue(question, request.Value, l, out var parsed) is { } problem)
                Add("value", problem);
            else
                value = parsed;
        }

        var note = NormaliseText(request.Note);
        if (note is { Length: > NoteMaxLength })
            Add("note", l["The note has {0} characters; keep it to {1}.", note.Length, NoteMaxLength]);

        var evidenceUrl = request.EvidenceUrl?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        if (evidenceUrl is not null && CheckLink(evidenceUrl, l) is { } linkProblem) Add("evidenceUrl", linkProblem);

        if (request.Version is null)
            Add("version", l["Send the version of the answer you read (0 when it had no answer yet)."]);
        else if (request.Version < 0)
            Add("version", l["The version is 0 or more."]);

        return errors.Count > 0 ? (null, errors) : (new AnswerContent(choice, level, value, note, evidenceUrl), errors);
    }

    public static (GoodPracticeContent? Content, Dictionary<string, string[]> Errors) Validate(SaveGoodPracticeRequest request, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string[]>();
        var name = NormaliseText(request.SolutionName);
        if (name is { Length: > SolutionNameMaxLength })
            errors["solutionName"] = [l["The name of the solution has {0} characters; keep it to {1}.", name.Length, SolutionNameMaxLength]];
        var url = request.Url?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        if (url is not null && CheckLink(url, l) is { } problem) errors["url"] = [problem];
        var achievement = NormaliseText(request.Achievement);
        if (achievement is { Length: > AchievementMaxLength })
            errors["achievement"] = [l["What it achieved has {0} characters; keep it to {1}.", achievement.Length, AchievementMaxLength]];
        if (request.Version is null) errors["version"] = [l["Send the version of the good practice you read (0 when there was none)."]];
        else if (request.Version < 0) errors["version"] = [l["The version is 0 or more."]];
        return errors.Count > 0 ? (null, errors) : (new GoodPracticeContent(name, url, achievement), errors);
    }

    /// <summary>Null when <paramref name="link"/> is an absolute http(s) address of acceptable length; otherwise what is wrong.</summary>
    public static string? CheckLink(string link, IStringLocalizer l)
    {
        if (link.Length > EvidenceUrlMaxLength)
            return l["The link has {0} characters; keep it to {1}.", link.Length, EvidenceUrlMaxLength];
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
            return l["The link must be a full web address starting with https:// or http://."];
        return null;
    }

    /// <summary>Line breaks as the browser counts them (one character each), outer blanks removed; null when empty.</summary>
    public static string? NormaliseText(string? text)
    {
        if (text is null) return null;
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return normalised.Length == 0 ? null : normalised;
    }

    private static string? ParseValue(Question question, JsonElement? sent, IStringLocalizer l, out string? value)
    {
        value = null;
        if (sent is not { } element || element.ValueKind == JsonValueKind.Null)
            return l["Give an answer."];

        switch (question.Type)
        {
            case QuestionType.Number:
                decimal number;
                if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var n)) number = n;
                else if (element.ValueKind == JsonValueKind.String && TryParseNumber(element.GetString(), out var parsed)) number = parsed;
                else return l["The answer must be a number, such as 12000 or 2.5."];
                if (question.Min is { } min && number < min)
                    return l["The number must be at least {0}.", min.ToString(CultureInfo.InvariantCulture)];
                value = number.ToString(CultureInfo.InvariantCulture);
                if (value.Contains('.', StringComparison.Ordinal)) value = value.TrimEnd('0').TrimEnd('.');
                return null;
            case QuestionType.SingleChoice:
                var key = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
                if (key is null || !question.Options.Any(o => o.Key == key))
                    return l["Choose one of the options: {0}.", string.Join(", ", question.Options.Select(o => o.Key))];
                value = key;
                return null;
            case QuestionType.YesNo:
                value = element.ValueKind switch
                {
                    JsonValueKind.True => Yes,
                    JsonValueKind.False => No,
                    JsonValueKind.String when element.GetString() is Yes or No => element.GetString(),
                    _ => null,
                };
                return value is null ? l["Answer yes or no (true or false)."].Value : null;
            case QuestionType.Text:
                var text = element.ValueKind == JsonValueKind.String ? NormaliseText(element.GetString()) : null;
                if (text is null) return l["Write an answer; it cannot be empty."];
                if (text.Length > ValueMaxLength) return l["The answer has {0} characters; keep it to {1}.", text.Length, ValueMaxLength];
                value = text;
                return null;
            default:
                return l["This question cannot be answered with a value."];
        }
    }

    /// <summary>A number as a number input sends it, or as text: digits with an optional dot for decimals.
    /// A comma is refused rather than guessed, since "12,000" is twelve thousand in English and twelve in German.</summary>
    public static bool TryParseNumber(string? text, out decimal number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    public static string Digest(string text) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
}

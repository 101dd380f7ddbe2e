using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Data.Toolbox;
using Waypoint.Features.Authorities;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;

namespace Waypoint.Features.Toolbox;

/// <summary>One entry of the catalogue, in the language of the request.</summary>
internal sealed record ToolboxItem(
    string Key,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<ToolboxEntryType>))] ToolboxEntryType Type,
    string Name,
    string Summary,
    string Url,
    string Publisher,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> Levels,
    IReadOnlyList<string> Languages,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<ToolboxCost>))] ToolboxCost Cost)
{
    public static ToolboxItem From(ToolboxItemView v) => new(v.Key, v.Type, v.Name, v.Summary, v.Url, v.Publisher, v.Topics, v.Levels, v.Languages, v.Cost);
}

/// <summary>A page of results; <c>total</c> counts every match; <c>language</c> is the language of the texts.</summary>
internal sealed record ToolboxList(IReadOnlyList<ToolboxItem> Items, int Page, int PageSize, int Total, string Language);

/// <summary>An entry with its English source texts, every translation, and the version to send back with a change.</summary>
internal sealed record ToolboxEntryDetails(
    ToolboxItem Entry,
    string Language,
    string SourceName,
    string SourceSummary,
    string? Source,
    IReadOnlyDictionary<string, ToolboxText> Translations,
    bool EditedInApp,
    int Version)
{
    public static ToolboxEntryDetails From(ToolboxEntryView v, string language) =>
        new(ToolboxItem.From(v.Localized), language, v.Name, v.Summary, v.Source, v.Translations, v.EditedInApp, v.Version);
}

/// <summary>An entry as an editor sends it. Texts are plain text; <c>url</c> an absolute http(s) address.</summary>
internal sealed record ToolboxRequest
{
    /// <summary>Stable slug, lower-case words joined by hyphens (for a new entry; a change keeps the entry's key).</summary>
    public string? Key { get; init; }

    /// <summary>standard, toolbox, procurement, training, funding or network.</summary>
    public string? Type { get; init; }

    /// <summary>English name, at most 200 characters.</summary>
    public string? Name { get; init; }

    /// <summary>English summary, 2–4 sentences, at most 1200 characters.</summary>
    public string? Summary { get; init; }

    /// <summary>The instrument's official page.</summary>
    public string? Url { get; init; }

    public string? Publisher { get; init; }

    /// <summary>Optional attribution of the facts.</summary>
    public string? Source { get; init; }

    /// <summary>Keys of the questionnaire's topics.</summary>
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>Maturity levels from 1 to 5.</summary>
    public IReadOnlyList<int>? Levels { get; init; }

    /// <summary>ISO 639-1 codes of the languages the instrument is available in.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>free, paid, mixed or funding.</summary>
    public string? Cost { get; init; }

    /// <summary>Name and summary by language code (not English); left out or empty means English is shown.</summary>
    public IReadOnlyDictionary<string, ToolboxText>? Translations { get; init; }

    /// <summary>For a change: the version of the entry it was made on.</summary>
    public int? Version { get; init; }

    public ToolboxDraft ToDraft() => new()
    {
        Key = Key,
        Type = Type,
        Name = Name,
        Summary = Summary,
        Url = Url,
        Publisher = Publisher,
        Source = Source,
        Topics = Topics,
        Levels = Levels,
        Languages = Languages,
        Cost = Cost,
        Translations = Translations,
    };
}

/// <summary>The catalogue: anyone may search and read it, in the language of <c>?lang=</c> or Accept-Language;
/// editors add and change entries.</summary>
internal static class ToolboxApi
{
    public static void MapToolboxApi(this WebApplication app)
    {
        var group = app.MapApiV1("/toolbox", "Toolbox");
        group.MapGet("", Search).AllowAnonymous()
            .WithSummary("Search the toolbox catalogue")
            .WithDescription("Accent- and case-insensitive search of names, summaries and publishers in every language; each word must match. " +
                "Filters: type, topic (a questionnaire topic key), level (1–5), lang (available in that language; the texts come in it too), cost. 20 per page.");
        group.MapGet("/{key}", Get).AllowAnonymous().WithSummary("One entry, with its translations and version")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", Create).RequireAuthorization(PlatformRoles.Editor).WithSummary("Add an entry (editor)")
            .ProducesValidationProblem();
        group.MapPut("/{key}", Update).RequireAuthorization(PlatformRoles.Editor).WithSummary("Change an entry (editor)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <param name="q">Words to find, at most 100 characters; accents and case do not matter.</param>
    /// <param name="type">standard, toolbox, procurement, training, funding or network.</param>
    /// <param name="topic">A topic key of the questionnaire (governance, data_management, …).</param>
    /// <param name="level">A maturity level from 1 to 5.</param>
    /// <param name="lang">Only entries available in this language (ISO 639-1); the texts come in this language too.</param>
    /// <param name="cost">free, paid, mixed or funding.</param>
    /// <param name="page">1-based page number, at most 100.</param>
    private static async Task<Results<Ok<ToolboxList>, ValidationProblem>> Search(
        string? q, string? type, string? topic, string? level, string? lang, string? cost, string? page,
        ToolboxCatalog catalog, ToolboxVocabulary vocabulary, IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var (search, errors) = ToolboxSearchRequest.Parse(q, type, topic, level, lang, cost, page, vocabulary, localizer);
        if (search is null) return ProblemResults.Invalid(errors);
        var language = ContentLanguage();
        var results = await catalog.SearchAsync(search, language, cancellationToken);
        return TypedResults.Ok(new ToolboxList(results.Items.Select(ToolboxItem.From).ToList(), results.Page, results.PageSize, results.Total, language));
    }

    private static async Task<Results<Ok<ToolboxEntryDetails>, ProblemHttpResult>> Get(
        string key, ToolboxCatalog catalog, IStringLocalizer<Program> localizer, CancellationToken cancellationToken)
    {
        var language = ContentLanguage();
        var entry = await catalog.GetAsync(key, language, cancellationToken);
        if (entry is null) return ProblemResults.NotFound(localizer["There is no toolbox entry with the key \"{0}\".", key].Value);
        return TypedResults.Ok(ToolboxEntryDetails.From(entry, language));
    }

    private static async Task<Results<Created<ToolboxEntryDetails>, ValidationProblem>> Create(
        ToolboxRequest request, ClaimsPrincipal user, ToolboxEditor editor, CancellationToken cancellationToken)
    {
        var outcome = await editor.CreateAsync(request.ToDraft(), UserId(user), cancellationToken);
        if (outcome.Entry is null) return ProblemResults.Invalid(outcome.Errors);
        return TypedResults.Created($"/api/v1/toolbox/{outcome.Entry.Localized.Key}", ToolboxEntryDetails.From(outcome.Entry, ToolboxVocabulary.SourceLanguage));
    }

    private static async Task<Results<Ok<ToolboxEntryDetails>, ValidationProblem, ProblemHttpResult>> Update(
        string key, ToolboxRequest request, ClaimsPrincipal user, ToolboxEditor editor, IStringLocalizer<Program> localizer,
        CancellationToken cancellationToken)
    {
        if (request.Key is not null && request.Key != key)
            return ProblemResults.Invalid("key", localizer["The key of an entry cannot change; leave \"key\" out or send \"{0}\".", key]);
        var outcome = await editor.UpdateAsync(key, request.ToDraft(), request.Version, UserId(user), cancellationToken);
        if (outcome.NotFound) return ProblemResults.NotFound(localizer["There is no toolbox entry with the key \"{0}\".", key].Value);
        if (outcome.Conflict is not null) return ProblemResults.Conflict(outcome.Conflict);
        if (outcome.Entry is null) return ProblemResults.Invalid(outcome.Errors);
        return TypedResults.Ok(ToolboxEntryDetails.From(outcome.Entry, ToolboxVocabulary.SourceLanguage));
    }

    /// <summary>The request's language (from the path, ?lang=, the language cookie or Accept-Language).</summary>
    public static string ContentLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");
}

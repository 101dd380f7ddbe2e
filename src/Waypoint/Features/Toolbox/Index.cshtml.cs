using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Toolbox;

/// <summary>The catalogue's search page: a GET form with filters, answered with server-rendered results, so it works
/// without JavaScript. Everyone may use it.</summary>
[AllowAnonymous]
internal sealed class IndexModel(ToolboxCatalog catalog, ToolboxVocabulary vocabulary, ToolboxLabels labels, Languages languages,
    IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>Available in this language. Not "lang", which would switch the interface's language.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cost { get; set; }

    public ToolboxResults? Results { get; private set; }

    public ToolboxLabels Labels => labels;

    public IReadOnlyList<Language> LanguageOptions => languages.All;

    /// <summary>What is wrong with the search, each with the id of the field to fix.</summary>
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" is a route value of every Razor page, so the page number is read from the query string itself.
        var (search, errors) = ToolboxSearchRequest.Parse(Q, Type, Topic, Level, Language, Cost, Request.Query["page"], vocabulary, localizer);
        Errors = errors
            .SelectMany(e => e.Value.Select(message => (FieldId: FieldId(e.Key), message)))
            .ToList();
        if (search is null) return;
        Results = await catalog.SearchAsync(search, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
    }

    public string? LanguageName(string code) => languages.Find(code)?.NativeName;

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void AddIf(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) query.Add(new(name, value.Trim()));
        }
        AddIf("q", Q);
        AddIf("type", Type);
        AddIf("topic", Topic);
        AddIf("level", Level);
        AddIf("language", Language);
        AddIf("cost", Cost);
        if (page > 1) query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return Url.Content("~/toolbox") + QueryString.Create(query);
    }

    private static string FieldId(string field) => field switch
    {
        "lang" => "search-language",
        "page" => "search-q",
        _ => "search-" + field,
    };
}

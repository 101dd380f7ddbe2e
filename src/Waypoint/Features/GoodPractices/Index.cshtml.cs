using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Features.Authorities;

namespace Waypoint.Features.GoodPractices;

/// <summary>The public library of approved good practices: a GET form (works without JavaScript) with accent-insensitive
/// search and filters by topic, country, type of authority and population band; twenty per page, newest first.</summary>
[AllowAnonymous]
internal sealed class IndexModel(GoodPracticeLibrary library, TopicNames topics, Countries countries, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Band { get; set; }

    public GoodPracticeResults? Results { get; private set; }

    /// <summary>What is wrong with the search, each with the id of the field to fix.</summary>
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; private set; } = [];

    public IReadOnlyList<(string Key, string Title)> TopicOptions { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];

    public static IReadOnlyList<AuthorityType> Types { get; } = Enum.GetValues<AuthorityType>();

    public static IReadOnlyList<PopulationBand> Bands { get; } = [.. Enum.GetValues<PopulationBand>().Where(b => b != PopulationBand.Unknown)];

    public Countries Countries => countries;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        TopicOptions = topics.All();
        CountryOptions = [.. countries.SortedFor(CultureInfo.CurrentUICulture)];
        // "page" is a route value of every Razor page, so the page number is read from the query string itself.
        var (search, errors) = GoodPracticeSearch.Parse(Q, Topic, Country, Type, Band, Request.Query["page"], topics, countries, localizer);
        Errors = [.. errors.SelectMany(e => e.Value.Select(message => (FieldId: e.Key == "page" ? "search-q" : "search-" + e.Key, message)))];
        if (search is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Results = await library.SearchAsync(search, cancellationToken);
        return Page();
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Q)) query.Add(new("q", Q.Trim()));
        if (!string.IsNullOrWhiteSpace(Topic)) query.Add(new("topic", Topic));
        if (!string.IsNullOrWhiteSpace(Country)) query.Add(new("country", Country));
        if (!string.IsNullOrWhiteSpace(Type)) query.Add(new("type", Type));
        if (!string.IsNullOrWhiteSpace(Band)) query.Add(new("band", Band));
        if (page > 1) query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return "/good-practices" + QueryString.Create(query);
    }
}

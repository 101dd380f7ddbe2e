using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities;

/// <summary>The directory's search page. A GET form, answered with server-rendered results, so it works without
/// JavaScript; wwwroot/js/authorities.js turns it into search-as-you-type through the API.</summary>
[AllowAnonymous]
internal sealed class IndexModel(AuthorityDirectory directory, Countries countries, IStringLocalizer<Program> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    public AuthorityResults? Results { get; private set; }

    /// <summary>What is wrong with the search, each with the id of the field to fix.</summary>
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];

    public IStringLocalizer Localizer => localizer;

    public Countries Countries => countries;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CountryOptions = countries.SortedFor(CultureInfo.CurrentUICulture).ToList();
        // "page" is a route value of every Razor page, so the page number is read from the query string itself.
        var (search, errors) = AuthoritySearchRequest.Parse(Q, Country, Type, Request.Query["page"], countries, localizer);
        Errors = errors
            .SelectMany(e => e.Value.Select(message => (FieldId: e.Key == "page" ? "search-q" : "search-" + e.Key, message)))
            .ToList();
        if (search is null) return;
        Country = search.Country;
        Type = search.Type is { } type ? ApiNames.Of(type) : null;
        // Until something is asked, the page shows the form only: nobody is looking for the whole directory.
        if (search.Text.Length == 0 && search.Country is null && search.Type is null) return;
        Results = await directory.SearchAsync(search, cancellationToken);
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Q)) query.Add(new("q", Q.Trim()));
        if (!string.IsNullOrWhiteSpace(Country)) query.Add(new("country", Country));
        if (!string.IsNullOrWhiteSpace(Type)) query.Add(new("type", Type));
        if (page > 1) query.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return "/authorities" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    public static IReadOnlyList<AuthorityType> Types => Enum.GetValues<AuthorityType>();
}

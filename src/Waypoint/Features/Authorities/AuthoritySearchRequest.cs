using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities;

/// <summary>Reads and checks a search as it arrives in a query string (the page's GET form and the API share it).</summary>
internal static class AuthoritySearchRequest
{
    public const int MaxTextLength = 100;

    /// <summary>Results are ranked for people: 500 pages (10,000 authorities) is more than anyone reads, and a deeper
    /// page would cost the database a sort of the whole directory. A narrower search (country, type, text) reaches
    /// every authority.</summary>
    public const int MaxPage = 500;

    /// <summary>The search, or the errors by field ("q", "country", "type", "page") that say what to fix.</summary>
    public static (AuthoritySearch? Search, Dictionary<string, string[]> Errors) Parse(
        string? q, string? country, string? type, string? page, Countries countries, IStringLocalizer localizer)
    {
        var errors = new Dictionary<string, string[]>();
        var text = q?.Trim() ?? "";
        if (text.Length > MaxTextLength)
        {
            errors["q"] = [localizer["Search for at most {0} characters.", MaxTextLength].Value];
        }

        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(country))
        {
            countryCode = countries.Find(country)?.Code;
            if (countryCode is null)
            {
                errors["country"] = [localizer["“{0}” is not the code of an EU member state. Use a code such as DE, FR or EL (Greece).", Shorten(country)].Value];
            }
        }

        AuthorityType? authorityType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (ApiNames.TryParse<AuthorityType>(type, out var parsed)) authorityType = parsed;
            else errors["type"] = [localizer["“{0}” is not a type of authority. Use one of: {1}.", Shorten(type), string.Join(", ", ApiNames.All<AuthorityType>())].Value];
        }

        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(page)
            && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1 || pageNumber > MaxPage))
        {
            errors["page"] = [localizer["The page must be a whole number from 1 to {0}. To reach results further down, narrow the search with a name, a country or a type.", MaxPage].Value];
        }

        return errors.Count > 0 ? (null, errors) : (new AuthoritySearch(text, countryCode, authorityType, pageNumber), errors);
    }

    /// <summary>Echoing a value back helps the person who sent it; a very long one would only flood the message.</summary>
    private static string Shorten(string value) => value.Length <= 20 ? value.Trim() : value.Trim()[..20] + "…";
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.GoodPractices;
using Waypoint.Features.Authorities;

namespace Waypoint.Features.GoodPractices;

/// <summary>A search of the library: folded words (all must match), optional filters, 1-based page.</summary>
internal sealed record GoodPracticeSearch(string Text, string? TopicKey, string? Country, AuthorityType? Type, PopulationBand? Band, int Page)
{
    public const int MaxTextLength = 200;
    public const int MaxPage = 10_000;

    /// <summary>Reads the query string of the page and the API alike; the errors are keyed by parameter name.</summary>
    public static (GoodPracticeSearch? Search, Dictionary<string, string[]> Errors) Parse(string? q, string? topic, string? country, string? type,
        string? band, string? page, TopicNames topics, Countries countries, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string[]>();
        var text = q?.Trim() ?? "";
        if (text.Length > MaxTextLength) errors["q"] = [l["The search has {0} characters; keep it to {1}.", text.Length, MaxTextLength]];
        string? topicKey = null;
        if (!string.IsNullOrWhiteSpace(topic))
        {
            if (topics.IsTopic(topic.Trim())) topicKey = topic.Trim();
            else errors["topic"] = [l["The topic must be one of: {0}.", string.Join(", ", Questionnaires.Questionnaire.TopicKeys)]];
        }
        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(country))
        {
            if (countries.Find(country.Trim().ToUpperInvariant()) is { } found) countryCode = found.Code;
            else errors["country"] = [l["'{0}' is not the code of an EU member state. Use its Eurostat code, such as DE or EL.", country]];
        }
        AuthorityType? authorityType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (ApiNames.TryParse<AuthorityType>(type, out var parsed)) authorityType = parsed;
            else errors["type"] = [l["The type must be one of: {0}.", string.Join(", ", ApiNames.All<AuthorityType>())]];
        }
        PopulationBand? populationBand = null;
        if (!string.IsNullOrWhiteSpace(band))
        {
            if (ApiNames.TryParse<PopulationBand>(band, out var parsed)) populationBand = parsed;
            else errors["band"] = [l["The population band must be one of: {0}.", string.Join(", ", ApiNames.All<PopulationBand>())]];
        }
        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(page)
            && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1 || pageNumber > MaxPage))
        {
            errors["page"] = [l["The page must be a whole number from 1 to {0}.", MaxPage]];
        }
        return errors.Count > 0
            ? (null, errors)
            : (new GoodPracticeSearch(text, topicKey, countryCode, authorityType, populationBand, pageNumber), errors);
    }
}

/// <summary>Reads the public library: approved good practices only, newest approval first.</summary>
internal sealed class GoodPracticeLibrary(WaypointDbContext db, TopicNames topics)
{
    public const int PageSize = 20;

    /// <summary>Matches are counted up to this many; beyond it the library says "more than 1,000".</summary>
    public const int CountLimit = 1000;

    /// <summary>At most this many words of a search count; more would only slow the query down.</summary>
    public const int MaxWords = 8;

    public async Task<GoodPracticeResults> SearchAsync(GoodPracticeSearch search, CancellationToken cancellationToken)
    {
        var matches = db.SharedGoodPractices.AsNoTracking().Where(p => p.Status == GoodPracticeStatus.Approved);
        if (search.TopicKey is { } topic) matches = matches.Where(p => p.TopicKey == topic);
        if (search.Country is { } country) matches = matches.Where(p => p.CountryCode == country);
        if (search.Type is { } type) matches = matches.Where(p => p.AuthorityType == type);
        if (search.Band is { } band) matches = matches.Where(p => p.PopulationBand == band);
        // Folded text holds only letters, digits and single spaces: each word goes into a LIKE pattern without escaping.
        foreach (var word in SearchText.Fold(search.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords))
        {
            var pattern = "%" + word + "%";
            matches = matches.Where(p => EF.Functions.Like(p.SearchText, pattern));
        }

        var offset = (search.Page - 1) * PageSize;
        var rows = await matches
            .OrderByDescending(p => p.DecidedAt).ThenByDescending(p => p.Id)
            .Skip(offset).Take(PageSize)
            .Select(p => new { p.Id, p.TopicKey, p.Title, p.Url, p.Description, p.AuthorityId, p.AuthorityName, p.CountryCode, p.AuthorityType, p.PopulationBand, p.Round, p.DecidedAt })
            .ToListAsync(cancellationToken);
        // A short page is the last one, and then the total is known without counting again. Otherwise the count stops
        // at CountLimit (or at the end of this page): counting every match of a common word costs more than the page.
        var (total, more) = rows.Count < PageSize && (rows.Count > 0 || offset == 0)
            ? (offset + rows.Count, false)
            : await CountAsync(matches, Math.Max(CountLimit, offset + PageSize), cancellationToken);
        var items = rows.Select(p => new GoodPracticeEntryDto(p.Id, p.TopicKey, topics.Title(p.TopicKey), p.Title, p.Url, p.Description, p.AuthorityId,
            p.AuthorityName, p.CountryCode, p.AuthorityType, p.PopulationBand, p.Round, p.DecidedAt)).ToList();
        return new GoodPracticeResults(items, search.Page, PageSize, total, more);
    }

    /// <summary>The number of matches up to <paramref name="limit"/>; beyond it, the limit and "more".</summary>
    private static async Task<(int Total, bool More)> CountAsync(IQueryable<SharedGoodPractice> matches, int limit, CancellationToken cancellationToken)
    {
        // No order: the database may stop at the first limit + 1 matches it meets, in whatever order it reads them.
        var counted = await matches.Take(limit + 1).CountAsync(cancellationToken);
        return counted > limit ? (limit, true) : (counted, false);
    }

    /// <summary>An approved good practice, or null: pending and rejected ones are not public.</summary>
    public async Task<GoodPracticeEntryDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var p = await db.SharedGoodPractices.AsNoTracking()
            .Where(p => p.Id == id && p.Status == GoodPracticeStatus.Approved)
            .FirstOrDefaultAsync(cancellationToken);
        return p is null ? null : new GoodPracticeEntryDto(p.Id, p.TopicKey, topics.Title(p.TopicKey), p.Title, p.Url, p.Description, p.AuthorityId,
            p.AuthorityName, p.CountryCode, p.AuthorityType, p.PopulationBand, p.Round, p.DecidedAt);
    }
}

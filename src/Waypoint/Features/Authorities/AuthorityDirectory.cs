using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities;

/// <summary>A search of the directory: folded text, optional country and type, 1-based page.</summary>
internal sealed record AuthoritySearch(string Text, string? Country, AuthorityType? Type, int Page);

/// <summary>One line of a result.</summary>
internal sealed record AuthoritySummary(int Id, string Name, string Country, AuthorityType Type, long? Population, string? NutsCode, int? ParentId);

internal sealed record AuthorityResults(IReadOnlyList<AuthoritySummary> Items, int Page, int PageSize, int Total)
{
    public int PageCount => (Total + PageSize - 1) / PageSize;
}

/// <summary>An authority with the chain of regions above it (nearest first, member state last).</summary>
internal sealed record AuthorityCard(
    int Id,
    string Code,
    string Name,
    AuthorityType Type,
    int? NutsLevel,
    string Country,
    string? NutsCode,
    long? Population,
    double? AreaKm2,
    OtherBodyKind? OtherBodyKind,
    IReadOnlyList<AuthoritySummary> Parents,
    Guid? OrganisationId);

/// <summary>Reads the directory: the search behind the page and the API, and an authority's card. Only active
/// authorities are listed; proposed and rejected other public bodies never are.</summary>
internal sealed class AuthorityDirectory(WaypointDbContext db)
{
    public const int PageSize = 20;

    /// <summary>Searches shorter than this match the start of a name or of a word in it, not any part of it.</summary>
    public const int ShortestSubstringSearch = 3;

    /// <summary>
    /// Matches the folded text anywhere in the folded name (the start of a name or word, for one or two letters), and ranks an exact match first, then names that start
    /// with it or have a word that does, then the rest; within each, the larger population first, then by name.
    /// </summary>
    public async Task<AuthorityResults> SearchAsync(AuthoritySearch search, CancellationToken cancellationToken)
    {
        var text = SearchText.Fold(search.Text);
        var matches = db.Authorities.AsNoTracking().Where(a => a.Status == AuthorityStatus.Active);
        if (search.Country is { } country) matches = matches.Where(a => a.CountryCode == country);
        if (search.Type is { } type) matches = matches.Where(a => a.Type == type);

        IOrderedQueryable<Authority> ordered;
        if (text.Length == 0)
        {
            ordered = matches.OrderByDescending(a => a.Population ?? -1);
        }
        else
        {
            // Folded text holds only letters, digits and spaces, so it needs no escaping inside a LIKE pattern. LIKE is
            // what PostgreSQL's trigram index serves, and on SQLite it is faster than instr(), which Contains becomes.
            var (anywhere, start, wordStart) = ("%" + text + "%", text + "%", "% " + text + "%");
            // One or two letters are the start of a name being typed: match names that start with them. Matching
            // them anywhere finds most of Europe (61,163 names contain "a") and no trigram index can help.
            matches = text.Length < ShortestSubstringSearch
                ? matches.Where(a => EF.Functions.Like(a.SearchName, start) || EF.Functions.Like(a.SearchName, wordStart))
                : matches.Where(a => EF.Functions.Like(a.SearchName, anywhere));
            ordered = matches
                .OrderBy(a => a.SearchName == text ? 0 : EF.Functions.Like(a.SearchName, start) || EF.Functions.Like(a.SearchName, wordStart) ? 1 : 2)
                .ThenByDescending(a => a.Population ?? -1);
        }

        // The page's ids first, from the columns the search index covers; then the rows of those 20 only.
        var offset = (search.Page - 1) * PageSize;
        // A region made of one municipality (a German kreisfreie Stadt, Paris) has its population: the municipality,
        // which people mean more often, comes first.
        var ids = await ordered.ThenBy(a => a.Type == AuthorityType.Region ? 1 : 0).ThenBy(a => a.SearchName).ThenBy(a => a.Id)
            .Skip(offset).Take(PageSize)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        // A short page is the last one, and then the total is known without counting (a second pass over the index).
        var total = ids.Count < PageSize && (ids.Count > 0 || offset == 0)
            ? offset + ids.Count
            : await matches.CountAsync(cancellationToken);
        var rows = await db.Authorities.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new AuthoritySummary(a.Id, a.Name, a.CountryCode, a.Type, a.Population, a.NutsCode, a.ParentId))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return new AuthorityResults(ids.Select(id => rows[id]).ToList(), search.Page, PageSize, total);
    }

    /// <summary>The card of an active authority, or null when there is none with this id.</summary>
    public async Task<AuthorityCard?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var authority = await db.Authorities.AsNoTracking()
            .Where(a => a.Id == id && a.Status == AuthorityStatus.Active)
            .FirstOrDefaultAsync(cancellationToken);
        if (authority is null) return null;

        var parents = new List<AuthoritySummary>();
        // At most four steps: municipality → NUTS 3 → NUTS 2 → NUTS 1 → member state.
        for (var parentId = authority.ParentId; parentId is not null && parents.Count < 8;)
        {
            var parent = await db.Authorities.AsNoTracking()
                .Where(a => a.Id == parentId)
                .Select(a => new AuthoritySummary(a.Id, a.Name, a.CountryCode, a.Type, a.Population, a.NutsCode, a.ParentId))
                .FirstAsync(cancellationToken);
            parents.Add(parent);
            parentId = parent.ParentId;
        }
        var organisationId = await db.Organisations.AsNoTracking()
            .Where(o => o.AuthorityId == id)
            .Select(o => (Guid?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new AuthorityCard(authority.Id, authority.Code, authority.Name, authority.Type, authority.NutsLevel, authority.CountryCode,
            authority.NutsCode, authority.Population, authority.AreaKm2, authority.OtherBodyKind, parents, organisationId);
    }
}

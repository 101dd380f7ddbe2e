using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Data.Proofreading;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// "Suggest wording": a signed-in member turns it on (a cookie), and while it is on every page they open in a language
/// other than English offers a link to propose better wording for the strings of that page.
/// </summary>
internal static class SuggestWordingMode
{
    public const string CookieName = ".Waypoint.SuggestWording";

    public const string SuggestPagePath = "/proofreading/suggest";

    public static bool IsOn(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.Request.Cookies[CookieName] == "1";

    /// <summary>On, and the page is in a language that has translations (English is the source).</summary>
    public static bool Applies(HttpContext context) =>
        IsOn(context) && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != Languages.Default;

    /// <summary>The suggestion page for the page being shown, in its language; with <paramref name="question"/>, only
    /// that question's texts (its title, text, help, levels and choices).</summary>
    public static string LinkFor(HttpContext context, string? question = null) =>
        context.Request.PathBase + SuggestPageFor(context.Request.Path.Value is { Length: > 0 } path ? path : "/",
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, question);

    /// <summary>The suggestion page's address, without the path base, for the texts of <paramref name="page"/> in
    /// <paramref name="language"/> (only <paramref name="question"/>'s, when given).</summary>
    public static string SuggestPageFor(string? page, string? language, string? question = null)
    {
        var query = new Dictionary<string, string?> { ["page"] = page, ["lang"] = language, ["question"] = question };
        return SuggestPagePath + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public static void Set(HttpContext context, bool on)
    {
        if (!on)
        {
            context.Response.Cookies.Delete(CookieName);
            return;
        }
        context.Response.Cookies.Append(CookieName, "1", new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
    }
}

/// <summary>
/// While suggest-wording mode applies, records which interface strings (and, through <see cref="QuestionnaireTextsShown"/>,
/// which questionnaire texts) a page showed, so that the suggestion page can
/// list them with that page as their context. The strings are kept in the database, so any node can list them.
/// </summary>
internal sealed class PageStringsFilter(WaypointDbContext db, ProofreadTexts texts, DatabaseWriteGate writeGate, TimeProvider clock)
    : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || !SuggestWordingMode.Applies(http)
            || http.Request.Path.StartsWithSegments(SuggestWordingMode.SuggestPagePath, StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        var collector = ServedStrings.Start();
        try
        {
            var executed = await next();
            if (executed.Exception is null && http.Response.StatusCode == StatusCodes.Status200OK)
                await RecordAsync(PageOf(http.Request.Path), collector.Keys, http.RequestAborted);
        }
        finally
        {
            ServedStrings.Stop();
        }
    }

    public static string PageOf(PathString path) => PageKeys.Of(path.Value);

    private async Task RecordAsync(string page, IReadOnlyList<string> served, CancellationToken cancellationToken)
    {
        var keys = served.Where(texts.IsKnown).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0) return;
        var known = await db.PageStrings.AsNoTracking().Where(p => p.Page == page).Select(p => p.Key).ToListAsync(cancellationToken);
        keys.ExceptWith(known);
        if (keys.Count == 0) return;

        var now = clock.GetUtcNow();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            db.PageStrings.AddRange(keys.Select(k => new PageString { Page = page, Key = k, SeenAt = now }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another request recorded the same page at the same moment: what it stored is the same.
            }
        }
    }
}

/// <summary>
/// The page a text was seen on, as suggest wording keeps it: the path with every id replaced by <c>{id}</c>, so
/// <c>/assessments/0b6e…/results</c> is kept as <c>/assessments/{id}/results</c>. The texts of one organisation's pages
/// are thus pooled with every other's, and neither the list of a page's texts nor the page of a suggestion tells which
/// organisation's page it was, or anything its answers decided (which level texts or notes it showed).
/// </summary>
internal static class PageKeys
{
    public const string IdPlaceholder = "{id}";

    public const int MaxLength = 300;

    public static string Of(string? path)
    {
        var value = path is { Length: > 0 } p ? p : "/";
        var segments = value.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (Guid.TryParse(segments[i], out _)) segments[i] = IdPlaceholder;
        }
        var page = string.Join('/', segments);
        return page.Length <= MaxLength ? page : page[..MaxLength];
    }
}

/// <summary>Pages that show questionnaire texts say which, so that suggest-wording mode lists them for the page; the
/// localizer cannot see them, as they come from the questionnaire's content, not from the PO catalogue.</summary>
internal static class QuestionnaireTextsShown
{
    /// <summary>Records the texts of a section's page (title, description, every text of its questions).</summary>
    public static void Section(string version, Questionnaires.Section section)
    {
        if (ServedStrings.Current is not { } collector) return;
        foreach (var key in Questionnaires.Translations.QuestionnaireTexts.KeysOf(version, section)) collector.Add(key);
    }

    /// <summary>Records texts by key (see <see cref="Questionnaires.Translations.QuestionnaireTexts"/>); the keys are
    /// enumerated only while suggest-wording mode applies.</summary>
    public static void Add(IEnumerable<string> keys)
    {
        if (ServedStrings.Current is not { } collector) return;
        foreach (var key in keys) collector.Add(key);
    }
}

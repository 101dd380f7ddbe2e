using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Organisations;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Dashboard;

/// <summary>
/// An organisation's own dashboard, for its members: for a round it submitted and a peer group (a standard one, or one
/// the reader composes), its scores against the group's distribution (radar, box plots, and a table of the same
/// figures), its progress over rounds, its targets and the gap to them, and whether it publishes its results.
/// Everything is rendered on the server; wwwroot/js/dashboard.js draws the canvas charts and keeps the figures current
/// by polling <c>/api/v1/benchmarks/me</c>.
/// </summary>
[Authorize]
internal sealed class DashboardModel(BenchmarkReports reports, DashboardService dashboard, Countries countries, QuestionnaireCatalog catalog,
    IStringLocalizer<Program> l)
    : PageModel
{
    public const string CustomKey = "custom";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "round")]
    public int? Round { get; set; }

    [BindProperty(SupportsGet = true, Name = "group")]
    public string? GroupKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true, Name = "nuts2")]
    public string? Nuts2 { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "band")]
    public string? Band { get; set; }

    /// <summary>The targets form: the text typed per topic key, empty for none.</summary>
    [BindProperty]
    public Dictionary<string, string?> Targets { get; set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public OwnContext Context { get; private set; } = null!;

    public OwnBenchmarkDto Own { get; private set; } = null!;

    public OwnGroupDto? Selected { get; private set; }

    /// <summary>The weak ETag of the figures shown, so that the first poll gets 304 when nothing changed.</summary>
    public string Tag { get; private set; } = "";

    public bool CanSetTargets => Context.Role >= OrganisationRole.Contributor;

    public bool IsAdmin => Context.Role == OrganisationRole.Admin;

    public bool HasCustomGroup => !string.IsNullOrWhiteSpace(Country) || !string.IsNullOrWhiteSpace(Nuts2)
        || !string.IsNullOrWhiteSpace(Type) || !string.IsNullOrWhiteSpace(Band);

    /// <summary>Every measure's key and title in the reader's language: the overall score, then the topics.</summary>
    public IReadOnlyList<(string Key, string Title)> MeasureTitles { get; private set; } = [];

    public IEnumerable<(string Key, string Title)> TopicTitles => MeasureTitles.Skip(1);

    public IReadOnlyDictionary<string, int> TargetsByTopic => Own.Targets.ToDictionary(t => t.Measure, t => t.Target);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostTargetsAsync(CancellationToken cancellationToken)
    {
        var given = Questionnaire.TopicKeys.ToDictionary(k => k, k => Targets.GetValueOrDefault(k), StringComparer.Ordinal);
        var outcome = await dashboard.SetTargetsAsync(User, Id, given, cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = l["The targets are saved."];
            return RedirectToPage(RouteValues());
        }
        return await RefusedAsync(outcome.Failure!, field => "target-" + field, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(bool published, CancellationToken cancellationToken)
    {
        var outcome = await dashboard.SetPublishedAsync(User, Id, published, cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = published ? l["Your organisation's results are now published."] : l["Your organisation's results are now private."];
            return RedirectToPage(RouteValues());
        }
        return await RefusedAsync(outcome.Failure!, _ => "publication", cancellationToken);
    }

    /// <summary>The dashboard's query (round, group and custom group), for links and redirects that keep the view.</summary>
    public Dictionary<string, string?> Query(string? group = null) => new()
    {
        ["round"] = Own.Round?.ToString(CultureInfo.InvariantCulture),
        ["group"] = group ?? Selected?.Key,
        ["country"] = NullIfEmpty(Country),
        ["nuts2"] = NullIfEmpty(Nuts2),
        ["type"] = NullIfEmpty(Type),
        ["band"] = NullIfEmpty(Band),
    };

    /// <summary>The address dashboard.js polls: the same organisation, round and custom group as the page.</summary>
    public string ApiUrl()
    {
        var query = new Dictionary<string, string?> { ["organisationId"] = Id.ToString() };
        foreach (var (key, value) in Query())
        {
            if (key != "group" && value is not null) query[key] = value;
        }
        return Url.Content("~/api/v1/benchmarks/me") + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    /// <summary>What dashboard.js needs: the figures as the API gives them, the texts to write and the culture for numbers.</summary>
    public string ScriptJson() => JsonSerializer.Serialize(new
    {
        api = ApiUrl(),
        etag = Tag,
        group = Selected?.Key,
        culture = CultureInfo.CurrentCulture.Name,
        intervalMs = 3000,
        texts = new
        {
            own = l["Your score"].Value,
            median = l["Median of the peer group"].Value,
            overall = l["Overall"].Value,
            tooFew = l["Not shown: fewer than {0} organisations.", Own.MinimumGroupSize].Value,
            differencing = l["Not shown: it would reveal a smaller group by difference with another figure."].Value,
            updated = l["Figures updated at {0}.", "{0}"].Value,
            failed = l["The figures could not be updated; trying again."].Value,
            reached = l["reached"].Value,
            none = l["—"].Value,
        },
        data = Own,
    }, Json);

    public string SuppressedText(MeasureDto measure) => measure.Reason == "differencing"
        ? l["Not shown: it would reveal a smaller group by difference with another figure."]
        : l["Not shown: fewer than {0} organisations.", Own.MinimumGroupSize];

    public static string Format(double? value) => value?.ToString("0.0", CultureInfo.CurrentCulture) ?? "";

    public string GroupName(OwnGroupDto group) => group.Key switch
    {
        "country" => l["Same country"],
        "region" => l["Same region"],
        "type" => l["Same type of authority"],
        "band" => l["Same population band"],
        "country-type-band" => l["Same country, type and band"],
        "europe" => l["All of Europe"],
        _ => l["Your own group"],
    };

    private async Task<IActionResult> RefusedAsync(Failure failure, Func<string, string> fieldId, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        PageErrors.Add(ModelState, failure, fieldId);
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private object RouteValues() => new
    {
        id = Id,
        round = Round,
        group = NullIfEmpty(GroupKey),
        country = NullIfEmpty(Country),
        nuts2 = NullIfEmpty(Nuts2),
        type = NullIfEmpty(Type),
        band = NullIfEmpty(Band),
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var context = await reports.OwnContextAsync(User, Id, cancellationToken);
        if (context is null) return false;
        Context = context;
        var questionnaire = catalog.Current is { } current ? catalog.Localize(current, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) : null;
        MeasureTitles = [.. BenchmarkMeasures.Keys.Select(k => (k, BenchmarkLabels.Measure(k, questionnaire, l)))];
        var snapshot = reports.Snapshot;

        PeerGroup? custom = null;
        if (HasCustomGroup)
        {
            var (group, _, errors) = new PeerGroupQuery(null, Country, Nuts2, Type, Band, null).Resolve(snapshot, countries, l);
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages) ModelState.AddModelError("custom-" + field, message);
            }
            custom = group;
        }
        var submitted = snapshot.RecordsOf(Id).Select(r => r.Round).ToList();
        var round = Round;
        if (round is { } asked && !submitted.Contains(asked))
        {
            ModelState.AddModelError("round-select", submitted.Count == 0
                ? l["Your organisation has not submitted an assessment yet."]
                : l["Your organisation submitted no assessment in {0}. Choose one of: {1}.", asked, string.Join(", ", submitted)]);
            round = null;
        }
        Own = reports.Own(context, snapshot, custom, round);
        Tag = $"W/\"{context.TagOf(snapshot)}\"";
        var key = string.IsNullOrWhiteSpace(GroupKey) ? (custom is not null ? CustomKey : null) : GroupKey.Trim();
        Selected = Own.Groups.FirstOrDefault(g => g.Key == key) ?? Own.Groups.FirstOrDefault();
        if (Targets.Count == 0 || ModelState.IsValid)
        {
            Targets = Questionnaire.TopicKeys.ToDictionary(k => k,
                k => Own.Targets.FirstOrDefault(t => t.Measure == k)?.Target.ToString(CultureInfo.CurrentCulture), StringComparer.Ordinal);
        }
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

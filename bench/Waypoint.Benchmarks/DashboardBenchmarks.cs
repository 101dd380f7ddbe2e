using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;
using Waypoint.Features.Authorities;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Benchmarks.Cube;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Benchmarks;

/// <summary>
/// An organisation's own dashboard figures (<see cref="BenchmarkReports.Own"/>: its scores, the statistics and its
/// percentile rank in each of its peer groups, its progress and targets) at full scale: 285,000 submitted assessments
/// (95,000 organisations in three rounds) in 27 countries and 243 regions. The three small database reads of a request
/// (membership, organisation, targets) are not part of it.
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private static readonly string[] CountryCodes =
        ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];

    private BenchmarkReports _reports = null!;
    private BenchmarkSnapshot _snapshot = null!;
    private OwnContext[] _contexts = null!;
    private PeerGroup[] _customGroups = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261125);
        var records = new List<BenchmarkRecord>(285_000);
        var organisations = new List<Guid>();
        for (var o = 0; o < 95_000; o++)
        {
            var organisation = Guid.NewGuid();
            organisations.Add(organisation);
            var country = CountryCodes[random.Next(CountryCodes.Length)];
            var region = $"{country}{random.Next(1, 10)}";
            var type = random.Next(100) < 97 ? AuthorityType.Municipality : AuthorityType.Region;
            var band = (PopulationBand)random.Next(1, 7);
            var level = random.NextDouble() * 60;
            foreach (var round in new[] { 2024, 2025, 2026 })
            {
                var scores = new float[BenchmarkMeasures.Count];
                for (var m = 1; m < scores.Length; m++) scores[m] = (float)Math.Clamp(level + (random.NextDouble() * 40), 0, 100);
                scores[0] = scores[1..].Average();
                records.Add(new BenchmarkRecord(Guid.NewGuid(), organisation, o, round, country, region, type, band, scores, false, true, DateTimeOffset.UtcNow));
            }
        }
        var layout = new CubeLayout(records.Select(r => r.Round), records.Select(r => r.CountryCode), records.Select(r => r.Nuts2Code!));
        _snapshot = new BenchmarkSnapshot(records.ToFrozenDictionary(r => r.AssessmentId), BenchmarkCube.Build(layout, records, 5), DateTimeOffset.UtcNow);

        var store = new BenchmarkStore(null!, Options.Create(new BenchmarkOptions()), NullLogger<BenchmarkStore>.Instance);
        _reports = new BenchmarkReports(store, new Countries([]), new RegionNames(System.Collections.Frozen.FrozenDictionary<string, RegionName>.Empty), new QuestionnaireCatalog([]), null!, null!, new PlainLocalizer());
        _contexts = [.. organisations.Take(1000).Select(id => new OwnContext(id, "Organisation", false, OrganisationRole.Viewer,
            [new OwnTarget("governance", 70, DateTimeOffset.UtcNow), new OwnTarget("data_management", 60, DateTimeOffset.UtcNow)]))];
        _customGroups = [.. _contexts.Select(c => _snapshot.RecordsOf(c.OrganisationId)[^1])
            .Select(r => new PeerGroup(r.Round, r.CountryCode, AuthorityType: r.AuthorityType, PopulationBand: r.PopulationBand))];
    }

    [Benchmark(Description = "Own dashboard figures, standard groups")]
    public object Own() => _reports.Own(_contexts[_next++ % _contexts.Length], _snapshot, null, null);

    [Benchmark(Description = "Own dashboard figures, standard groups and a custom one")]
    public object OwnWithCustomGroup()
    {
        var i = _next++ % _contexts.Length;
        return _reports.Own(_contexts[i], _snapshot, _customGroups[i], null);
    }

    /// <summary>Gives the English text with its arguments, as the application does for a language without a translation.</summary>
    private sealed class PlainLocalizer : IStringLocalizer<Program>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Features.Authorities;
using Waypoint.Features.Authorities.Import;
using Waypoint.Tests.Infrastructure;

namespace Waypoint.Tests.Authorities;

public sealed class ImportTests(WaypointFactory factory) : IClassFixture<WaypointFactory>
{
    internal static readonly string ShippedData = Path.Combine(AppContext.BaseDirectory, "ReferenceData");

    [Fact]
    public async Task The_directory_holds_27_member_states_1503_regions_and_95217_municipalities()
    {
        var counts = await factory.WithDbAsync(db => db.Authorities
            .GroupBy(a => new { a.Type, a.NutsLevel })
            .Select(g => new { g.Key.Type, g.Key.NutsLevel, Count = g.Count() })
            .ToListAsync());
        int Count(AuthorityType type, int? level = null) => counts.Where(c => c.Type == type && c.NutsLevel == level).Sum(c => c.Count);
        Assert.Equal(27, Count(AuthorityType.MemberState));
        Assert.Equal(95_217, Count(AuthorityType.Municipality));
        Assert.Equal(1_503, Count(AuthorityType.Region, 1) + Count(AuthorityType.Region, 2) + Count(AuthorityType.Region, 3));
        Assert.Equal(1_167, Count(AuthorityType.Region, 3));
    }

    [Fact]
    public async Task Greece_is_keyed_by_its_Eurostat_code()
    {
        var greece = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Type == AuthorityType.MemberState && a.CountryCode == "EL"));
        Assert.Equal("EL", greece.Code);
        Assert.Equal("Greece", greece.Name);
    }

    [Fact]
    public async Task Every_municipality_lies_in_a_NUTS_3_region_which_lies_in_a_NUTS_2_then_a_NUTS_1_region_then_its_member_state()
    {
        var broken = await factory.WithDbAsync(db => db.Authorities
            .Where(m => m.Type == AuthorityType.Municipality)
            .Where(m => m.Parent == null
                || m.Parent.NutsLevel != 3 || m.Parent.Code != m.NutsCode || m.Parent.CountryCode != m.CountryCode
                || m.Parent.Parent == null || m.Parent.Parent.NutsLevel != 2
                || m.Parent.Parent.Parent == null || m.Parent.Parent.Parent.NutsLevel != 1
                || m.Parent.Parent.Parent.Parent == null || m.Parent.Parent.Parent.Parent.Type != AuthorityType.MemberState
                || m.Parent.Parent.Parent.Parent.Code != m.CountryCode)
            .Select(m => m.Code)
            .Take(10)
            .ToListAsync());
        Assert.Empty(broken);
    }

    [Fact]
    public async Task Regions_whose_2024_code_is_gone_are_kept_because_municipalities_link_to_them()
    {
        var suhl = await factory.WithDbAsync(db => db.Authorities.Include(a => a.Parent).SingleAsync(a => a.Code == "DEG04"));
        Assert.Equal(AuthorityType.Region, suhl.Type);
        Assert.Equal("DEG0", suhl.Parent!.Code);
        Assert.True(await factory.WithDbAsync(db => db.Authorities.AnyAsync(a => a.ParentId == suhl.Id)));
    }

    [Fact]
    public async Task Extra_regio_areas_are_left_out_unless_a_municipality_lies_there()
    {
        var codes = await factory.WithDbAsync(db => db.Authorities.Where(a => a.Code.EndsWith("ZZZ")).Select(a => a.Code).ToListAsync());
        Assert.Equal(["ELZZZ"], codes); // Mount Athos
    }

    [Fact]
    public async Task A_municipality_without_a_population_figure_has_an_unknown_population_not_zero()
    {
        var troodos = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Code == "CY_5356"));
        Assert.Null(troodos.Population);
        Assert.Equal(10.88, troodos.AreaKm2);
        var malmo = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Code == "SE_1280"));
        Assert.Equal(344_166, malmo.Population);
    }

    [Fact]
    public async Task Names_with_commas_are_read_whole_and_folded_for_search()
    {
        var munich = await factory.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Code == "DE_09162000"));
        Assert.Equal("München, Landeshauptstadt", munich.Name);
        Assert.Equal("munchen landeshauptstadt", munich.SearchName);
        Assert.Equal("DE212", munich.NutsCode);
    }

    [Fact]
    public async Task A_region_counts_the_population_of_its_municipalities()
    {
        var (region, sum) = await factory.WithDbAsync(async db =>
        {
            var skane = await db.Authorities.SingleAsync(a => a.Code == "SE224");
            var total = await db.Authorities.Where(a => a.ParentId == skane.Id).SumAsync(a => a.Population);
            return (skane, total);
        });
        Assert.Equal(sum, region.Population);
    }

    [Fact]
    public async Task Starting_again_with_the_same_files_skips_the_import()
    {
        var before = await Snapshot();
        var outcome = await factory.WithDbAsync(db => Import(ShippedData).ImportAsync(db, CancellationToken.None));
        Assert.True(outcome.Skipped);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task Importing_the_same_files_again_when_forced_changes_nothing()
    {
        var before = await Snapshot();
        // Forgetting the recorded hash makes the import compare every row, as after a data update.
        await factory.WithDbAsync(db => db.ReferenceDataImports.ExecuteDeleteAsync());
        var outcome = await factory.WithDbAsync(db => Import(ShippedData).ImportAsync(db, CancellationToken.None));
        Assert.False(outcome.Skipped);
        Assert.Equal(0, outcome.Inserted);
        Assert.Equal(0, outcome.Updated);
        Assert.Equal(96_747, outcome.Unchanged);
        Assert.Equal(before, await Snapshot());
        var record = await factory.WithDbAsync(db => db.ReferenceDataImports.SingleAsync());
        Assert.Equal(AuthorityImport.Dataset, record.Dataset);
        Assert.Equal(96_747, record.RowCount);
        Assert.Equal(64, record.Sha256.Length);
    }

    internal static AuthorityImport Import(string directory) =>
        new(Options.Create(new ReferenceDataOptions { Directory = directory }), NullLogger<AuthorityImport>.Instance);

    /// <summary>The count, the highest id and a digest of every row's reference columns.</summary>
    private Task<(int Count, int MaxId, string Digest)> Snapshot() => factory.WithDbAsync(async db =>
    {
        var rows = await db.Authorities.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Code, a.Name, a.SearchName, a.Population, a.AreaKm2, a.ParentId, a.NutsCode, a.Status })
            .ToListAsync();
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n", rows.Select(r => r.ToString())))));
        return (rows.Count, rows[^1].Id, digest);
    });
}

/// <summary>A data update changes the fixture's database, so it has a fixture of its own.</summary>
public sealed class ImportUpdateTests(WaypointFactory factory) : IClassFixture<WaypointFactory>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("waypoint-reference-").FullName;

    [Fact]
    public async Task After_a_data_update_changed_rows_are_updated_new_ones_inserted_and_none_deleted()
    {
        foreach (var file in Directory.GetFiles(ImportTests.ShippedData, "*.csv")) File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        var lau = Path.Combine(_directory, "eu-lau-2020.csv");
        var lines = File.ReadAllLines(lau).ToList();
        // Malmö grows, Troodos disappears from the file, a new municipality appears.
        lines[lines.FindIndex(l => l.StartsWith("SE_1280,", StringComparison.Ordinal))] = "SE_1280,SE,1280,Malmö,SE224,350000,158.51,official";
        lines.RemoveAt(lines.FindIndex(l => l.StartsWith("CY_5356,", StringComparison.Ordinal)));
        lines.Add("SE_9999,SE,9999,\"Nyköping, Ny\",SE224,1234,5.5,official");
        File.WriteAllLines(lau, lines);

        var proposedBefore = await factory.WithDbAsync(async db =>
        {
            db.Authorities.Add(SearchApiTests.Body("Quuxborg Agency", AuthorityStatus.Proposed));
            await db.SaveChangesAsync();
            return await db.Authorities.CountAsync();
        });
        var outcome = await factory.WithDbAsync(db => ImportTests.Import(_directory).ImportAsync(db, CancellationToken.None));

        Assert.Equal(1, outcome.Inserted);
        // Malmö itself, and the population and area totals of the three regions and the country above Malmö and the
        // new municipality, and of those above Troodos (its area no longer counts); Troodos itself is kept as it was.
        Assert.Equal(1 + 4 + 4, outcome.Updated);
        var (malmo, troodos, added, count) = await factory.WithDbAsync(async db => (
            await db.Authorities.SingleAsync(a => a.Code == "SE_1280"),
            await db.Authorities.SingleOrDefaultAsync(a => a.Code == "CY_5356"),
            await db.Authorities.Include(a => a.Parent).SingleAsync(a => a.Code == "SE_9999"),
            await db.Authorities.CountAsync()));
        Assert.Equal(350_000, malmo.Population);
        Assert.NotNull(troodos);
        Assert.Equal("Nyköping, Ny", added.Name);
        Assert.Equal("nykoping ny", added.SearchName);
        Assert.Equal("SE224", added.Parent!.Code);
        Assert.Equal(proposedBefore + 1, count);

        var again = await factory.WithDbAsync(db => ImportTests.Import(_directory).ImportAsync(db, CancellationToken.None));
        Assert.True(again.Skipped);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.Organisations;
using Waypoint.Data.Recommendations;
using Waypoint.Data.Roadmaps;

namespace Waypoint.Data;

/// <summary>The one database of Waypoint. Each feature keeps its entities and their configuration in its own folder.
/// It also holds the data-protection keys, so that every web node can read the cookies and tokens another one issued.</summary>
public sealed class WaypointDbContext(DbContextOptions<WaypointDbContext> options)
    : IdentityDbContext<WaypointUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<ReferenceDataImport> ReferenceDataImports => Set<ReferenceDataImport>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMembership> OrganisationMemberships => Set<OrganisationMembership>();
    public DbSet<OrganisationClaim> OrganisationClaims => Set<OrganisationClaim>();
    public DbSet<OrganisationInvitation> OrganisationInvitations => Set<OrganisationInvitation>();
    public DbSet<TopicTarget> TopicTargets => Set<TopicTarget>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<TopicGoodPractice> TopicGoodPractices => Set<TopicGoodPractice>();
    public DbSet<BenchmarkEntry> BenchmarkEntries => Set<BenchmarkEntry>();
    public DbSet<BenchmarkTopicScore> BenchmarkTopicScores => Set<BenchmarkTopicScore>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Roadmap> Roadmaps => Set<Roadmap>();
    public DbSet<RoadmapAction> RoadmapActions => Set<RoadmapAction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WaypointDbContext).Assembly);
        AuthorityConfiguration.ConfigureSearch(builder, postgres: Database.IsNpgsql());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are added or reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

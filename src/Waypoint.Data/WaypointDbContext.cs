using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data.Accounts;
using Waypoint.Data.Assessments;
using Waypoint.Data.Authorities;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.GoodPractices;
using Waypoint.Data.Organisations;
using Waypoint.Data.PeerQuestions;
using Waypoint.Data.Proofreading;
using Waypoint.Data.Recommendations;
using Waypoint.Data.Roadmaps;
using Waypoint.Data.Toolbox;

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
    public DbSet<ToolboxEntry> ToolboxEntries => Set<ToolboxEntry>();
    public DbSet<ToolboxEntryTranslation> ToolboxEntryTranslations => Set<ToolboxEntryTranslation>();
    public DbSet<WordingSuggestion> WordingSuggestions => Set<WordingSuggestion>();
    public DbSet<TranslationOverride> TranslationOverrides => Set<TranslationOverride>();
    public DbSet<TranslationChange> TranslationChanges => Set<TranslationChange>();
    public DbSet<TranslationReview> TranslationReviews => Set<TranslationReview>();
    public DbSet<TranslationOverridesVersion> TranslationOverridesVersions => Set<TranslationOverridesVersion>();
    public DbSet<PageString> PageStrings => Set<PageString>();
    public DbSet<SharedGoodPractice> SharedGoodPractices => Set<SharedGoodPractice>();
    public DbSet<PeerQuestion> PeerQuestions => Set<PeerQuestion>();
    public DbSet<PeerAnswer> PeerAnswers => Set<PeerAnswer>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Roadmap> Roadmaps => Set<Roadmap>();
    public DbSet<RoadmapAction> RoadmapActions => Set<RoadmapAction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WaypointDbContext).Assembly);
        AuthorityConfiguration.ConfigureSearch(builder, postgres: Database.IsNpgsql());
        SharedGoodPracticeConfiguration.ConfigureForProvider(builder, postgres: Database.IsNpgsql());
        PeerQuestionConfiguration.ConfigureForProvider(builder, postgres: Database.IsNpgsql());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are added or reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Benchmarks;

internal sealed class BenchmarkEntryConfiguration : IEntityTypeConfiguration<BenchmarkEntry>
{
    public void Configure(EntityTypeBuilder<BenchmarkEntry> builder)
    {
        builder.HasKey(e => e.AssessmentId);
        builder.HasOne(e => e.Assessment).WithOne().HasForeignKey<BenchmarkEntry>(e => e.AssessmentId);
        builder.HasMany(e => e.TopicScores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.QuestionnaireVersion).HasMaxLength(20);
        builder.Property(e => e.CountryCode).HasMaxLength(2);
        builder.Property(e => e.Nuts2Code).HasMaxLength(4);
        // Web nodes ask "what changed since?" every few seconds.
        builder.HasIndex(e => e.RecordedAt);
        builder.HasIndex(e => new { e.OrganisationId, e.Round });
    }
}

internal sealed class BenchmarkTopicScoreConfiguration : IEntityTypeConfiguration<BenchmarkTopicScore>
{
    public void Configure(EntityTypeBuilder<BenchmarkTopicScore> builder)
    {
        builder.HasKey(s => new { s.AssessmentId, s.TopicKey });
        builder.Property(s => s.TopicKey).HasMaxLength(60);
    }
}

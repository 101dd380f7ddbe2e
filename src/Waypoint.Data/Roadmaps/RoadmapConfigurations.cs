using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Data.Recommendations;

namespace Waypoint.Data.Roadmaps;

internal sealed class RoadmapConfiguration : IEntityTypeConfiguration<Roadmap>
{
    public void Configure(EntityTypeBuilder<Roadmap> builder)
    {
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId);
        builder.HasOne(r => r.Assessment).WithMany().HasForeignKey(r => r.AssessmentId);
        // One roadmap per assessment, even when two colleagues press "create" at once.
        builder.HasIndex(r => r.AssessmentId).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.Round });
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RoadmapActionConfiguration : IEntityTypeConfiguration<RoadmapAction>
{
    public void Configure(EntityTypeBuilder<RoadmapAction> builder)
    {
        builder.HasOne(a => a.Roadmap).WithMany(r => r.Actions).HasForeignKey(a => a.RoadmapId);
        builder.HasIndex(a => new { a.RoadmapId, a.Horizon, a.Position });
        builder.Property(a => a.RecommendationKey).HasMaxLength(Recommendation.KeyMaxLength);
        builder.Property(a => a.TopicKey).HasMaxLength(60);
        builder.Property(a => a.Title).HasMaxLength(RoadmapAction.TitleMaxLength);
        builder.Property(a => a.Description).HasMaxLength(RoadmapAction.DescriptionMaxLength);
        builder.Property(a => a.Link).HasMaxLength(RoadmapAction.LinkMaxLength);
        builder.Property(a => a.Owner).HasMaxLength(RoadmapAction.OwnerMaxLength);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(Recommendation.KeyMaxLength);
        builder.Property(r => r.TopicKey).HasMaxLength(60);
        builder.Property(r => r.Bands).HasMaxLength(100);
        builder.Property(r => r.AnswerRules).HasMaxLength(2000);
        builder.Property(r => r.CatalogueKeys).HasMaxLength(1000);
        builder.Property(r => r.Title).HasMaxLength(Recommendation.TitleMaxLength);
        builder.Property(r => r.Text).HasMaxLength(Recommendation.TextMaxLength);
        builder.Property(r => r.SourceDigest).HasMaxLength(64);
        builder.Property(r => r.EditedById).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

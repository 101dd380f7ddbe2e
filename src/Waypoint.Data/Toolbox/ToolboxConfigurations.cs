using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Toolbox;

internal sealed class ToolboxEntryConfiguration : IEntityTypeConfiguration<ToolboxEntry>
{
    public void Configure(EntityTypeBuilder<ToolboxEntry> builder)
    {
        builder.Property(e => e.Key).HasMaxLength(ToolboxEntry.KeyMaxLength);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(ToolboxEntry.NameMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(ToolboxEntry.SummaryMaxLength);
        builder.Property(e => e.Url).HasMaxLength(ToolboxEntry.UrlMaxLength);
        builder.Property(e => e.Publisher).HasMaxLength(ToolboxEntry.PublisherMaxLength);
        builder.Property(e => e.Source).HasMaxLength(ToolboxEntry.SourceMaxLength);
        builder.Property(e => e.Topics).HasMaxLength(400);
        builder.Property(e => e.Languages).HasMaxLength(200);
        builder.Property(e => e.SearchName).HasMaxLength(ToolboxEntry.NameMaxLength * 2);
        builder.Property(e => e.CatalogueHash).HasMaxLength(64);
        builder.Property(e => e.EditedById).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasMany(e => e.Translations).WithOne().HasForeignKey(t => t.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ToolboxEntryTranslationConfiguration : IEntityTypeConfiguration<ToolboxEntryTranslation>
{
    public void Configure(EntityTypeBuilder<ToolboxEntryTranslation> builder)
    {
        builder.HasKey(t => new { t.EntryId, t.Language });
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Name).HasMaxLength(ToolboxEntry.NameMaxLength);
        builder.Property(t => t.Summary).HasMaxLength(ToolboxEntry.SummaryMaxLength);
    }
}

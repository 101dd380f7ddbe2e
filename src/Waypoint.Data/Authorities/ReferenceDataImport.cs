namespace Waypoint.Data.Authorities;

/// <summary>Records which version (content hash) of a reference data file was last imported, so that start-up
/// skips an import that has already been done and re-runs it after a data update.</summary>
public sealed class ReferenceDataImport
{
    public required string Dataset { get; set; }
    public required string Sha256 { get; set; }
    public int RowCount { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class ReferenceDataImportConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ReferenceDataImport>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ReferenceDataImport> builder)
    {
        builder.HasKey(i => i.Dataset);
        builder.Property(i => i.Dataset).HasMaxLength(100);
        builder.Property(i => i.Sha256).HasMaxLength(64);
    }
}

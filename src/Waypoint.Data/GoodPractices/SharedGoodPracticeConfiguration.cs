using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Waypoint.Data.GoodPractices;

internal sealed class SharedGoodPracticeConfiguration : IEntityTypeConfiguration<SharedGoodPractice>
{
    public void Configure(EntityTypeBuilder<SharedGoodPractice> builder)
    {
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId);
        builder.HasOne<Assessments.Assessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        // Publishing the same topic twice (a double click, two admins) must not list it twice.
        builder.HasIndex(p => new { p.AssessmentId, p.TopicKey }).IsUnique();
        // The library lists approved ones newest first, optionally by topic; the moderation queue the pending ones oldest first.
        builder.HasIndex(p => new { p.Status, p.DecidedAt });
        builder.HasIndex(p => new { p.Status, p.TopicKey });
        builder.HasIndex(p => p.OrganisationId);
        builder.Property(p => p.TopicKey).HasMaxLength(60);
        builder.Property(p => p.Title).HasMaxLength(SharedGoodPractice.TitleMaxLength);
        builder.Property(p => p.Url).HasMaxLength(SharedGoodPractice.UrlMaxLength);
        builder.Property(p => p.Description).HasMaxLength(SharedGoodPractice.DescriptionMaxLength);
        builder.Property(p => p.AuthorityName).HasMaxLength(Authorities.Authority.NameMaxLength);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.RejectionReason).HasMaxLength(SharedGoodPractice.RejectionReasonMaxLength);
        builder.Property(p => p.PublishedById).HasMaxLength(450);
        builder.Property(p => p.DecidedById).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }

    /// <summary>
    /// PostgreSQL gets a trigram index on the folded text, so that a search for a word inside descriptions does not read
    /// every row; SQLite scans the approved rows, which is fast enough at the sizes measured in docs/benchmarks.md.
    /// SQLite cannot order by a DateTimeOffset stored as text, and the library is ordered by approval time in the
    /// database (to page it): there the time is stored as a sortable number.
    /// </summary>
    public static void ConfigureForProvider(ModelBuilder builder, bool postgres)
    {
        var practice = builder.Entity<SharedGoodPractice>();
        if (postgres)
        {
            builder.HasPostgresExtension("pg_trgm");
            practice.HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
        else
        {
            practice.Property(p => p.DecidedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
            // The library's search walks this index newest first, checks the filters and matches the folded text inside
            // it without reading the rows (whose descriptions double the bytes to read), stops at the page's last match,
            // and counts from it. PostgreSQL does not get it: a B-tree entry there is limited to about 2.7 kB, which a
            // long description in Greek exceeds; its trigram index serves the text instead.
            practice.HasIndex(p => new { p.Status, p.DecidedAt, p.Id, p.TopicKey, p.CountryCode, p.AuthorityType, p.PopulationBand, p.SearchText })
                .HasDatabaseName("IX_SharedGoodPractices_Library");
        }
    }
}

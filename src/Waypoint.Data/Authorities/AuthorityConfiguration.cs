using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Authorities;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(Authority.NameMaxLength);
        builder.Property(a => a.SearchName).HasMaxLength(Authority.NameMaxLength);
        builder.Property(a => a.CountryCode).HasMaxLength(2);
        builder.Property(a => a.NutsCode).HasMaxLength(10);
        builder.Property(a => a.ProposedById).HasMaxLength(450);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        // The search's indexes depend on the provider: see ConfigureSearch.
        builder.HasIndex(a => a.NutsCode);
        builder.HasIndex(a => a.ParentId);
        // Admins list the proposals waiting for them, and a person's pending proposals are counted: a small
        // index of the proposals only, which no search of the directory is tempted to use.
        builder.HasIndex(a => a.ProposedById).HasFilter("\"Status\" = 'Proposed'");
    }

    /// <summary>
    /// The indexes behind the search, which filters by country and type, matches a substring of the folded name
    /// (<c>LIKE '%malmo%'</c>, which no B-tree can seek) and ranks by population.
    /// Both: a covering index holds every column the search filters and ranks on, so that a search scans that index
    /// (about half the size of the table), or only a country's part of it, and reads table rows only for the page
    /// it shows. PostgreSQL also gets a trigram GIN index (pg_trgm), which finds the names that contain three
    /// letters or more without reading the others.
    /// </summary>
    public static void ConfigureSearch(ModelBuilder builder, bool postgres)
    {
        var authority = builder.Entity<Authority>();
        authority.HasIndex(a => new { a.CountryCode, a.Type, a.Status, a.Population, a.SearchName });
        if (postgres)
        {
            builder.HasPostgresExtension("pg_trgm");
            authority.HasIndex(a => a.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }
}

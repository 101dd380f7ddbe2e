using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Authorities;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.SearchName).HasMaxLength(200);
        builder.Property(a => a.CountryCode).HasMaxLength(2);
        builder.Property(a => a.NutsCode).HasMaxLength(10);
        builder.Property(a => a.ProposedById).HasMaxLength(450);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        // The search filters by country and type, then matches the folded name; ordering by population.
        builder.HasIndex(a => new { a.CountryCode, a.Type });
        builder.HasIndex(a => a.SearchName);
        builder.HasIndex(a => a.NutsCode);
    }
}

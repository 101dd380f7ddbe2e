using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Accounts;

internal sealed class WaypointUserConfiguration : IEntityTypeConfiguration<WaypointUser>
{
    public void Configure(EntityTypeBuilder<WaypointUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(2);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        // The unique index is what guarantees "at most one organisation per authority", even under a race.
        builder.HasIndex(o => o.AuthorityId).IsUnique();
        builder.HasOne(o => o.Authority).WithMany().HasForeignKey(o => o.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.SubGroups).HasConversion<int>();
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.HasKey(m => new { m.OrganisationId, m.UserId });
        builder.HasOne(m => m.Organisation).WithMany(o => o.Members).HasForeignKey(m => m.OrganisationId);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class OrganisationClaimConfiguration : IEntityTypeConfiguration<OrganisationClaim>
{
    public void Configure(EntityTypeBuilder<OrganisationClaim> builder)
    {
        builder.Property(c => c.JobTitle).HasMaxLength(100);
        builder.Property(c => c.Justification).HasMaxLength(1000);
        builder.Property(c => c.RejectionReason).HasMaxLength(500);
        builder.Property(c => c.DecidedById).HasMaxLength(450);
        builder.HasOne(c => c.Authority).WithMany().HasForeignKey(c => c.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Claimant).WithMany().HasForeignKey(c => c.ClaimantId);
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        // One pending claim per person and authority, even when the same form is sent twice at once.
        // The filter is plain SQL that SQLite and PostgreSQL both read; Status is stored by name.
        builder.HasIndex(c => new { c.AuthorityId, c.ClaimantId }).IsUnique().HasFilter("\"Status\" = 'Pending'");
        builder.HasIndex(c => c.AuthorityId);
    }
}

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedById).HasMaxLength(450);
        builder.Property(i => i.AcceptedById).HasMaxLength(450);
        builder.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // At most one open invitation per email and organisation: re-inviting revokes the previous one first.
        builder.HasIndex(i => new { i.OrganisationId, i.NormalizedEmail }).IsUnique()
            .HasFilter("\"AcceptedAt\" IS NULL AND \"RevokedAt\" IS NULL");
    }
}

internal sealed class TopicTargetConfiguration : IEntityTypeConfiguration<TopicTarget>
{
    public void Configure(EntityTypeBuilder<TopicTarget> builder)
    {
        builder.HasKey(t => new { t.OrganisationId, t.TopicKey });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId);
        builder.Property(t => t.TopicKey).HasMaxLength(60);
        builder.Property(t => t.UpdatedById).HasMaxLength(450);
        builder.ToTable(t => t.HasCheckConstraint("CK_TopicTargets_TargetScore", "\"TargetScore\" BETWEEN 0 AND 100"));
    }
}

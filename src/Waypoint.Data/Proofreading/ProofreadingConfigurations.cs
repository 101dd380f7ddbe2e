using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Data.Accounts;

namespace Waypoint.Data.Proofreading;

internal static class ProofreadingLimits
{
    public const int Language = 8;
    public const int Key = 1000;
    public const int Text = 2000;
    public const int Page = 300;
    public const int Reason = 500;
    public const int UserId = 450;
}

internal sealed class WordingSuggestionConfiguration : IEntityTypeConfiguration<WordingSuggestion>
{
    public void Configure(EntityTypeBuilder<WordingSuggestion> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Language).HasMaxLength(ProofreadingLimits.Language);
        builder.Property(s => s.Key).HasMaxLength(ProofreadingLimits.Key);
        builder.Property(s => s.Text).HasMaxLength(ProofreadingLimits.Text);
        builder.Property(s => s.PreviousText).HasMaxLength(ProofreadingLimits.Text);
        builder.Property(s => s.Page).HasMaxLength(ProofreadingLimits.Page);
        builder.Property(s => s.AuthorId).HasMaxLength(ProofreadingLimits.UserId);
        builder.Property(s => s.DecidedById).HasMaxLength(ProofreadingLimits.UserId);
        builder.Property(s => s.RejectionReason).HasMaxLength(ProofreadingLimits.Reason);
        builder.HasOne<WaypointUser>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Language, s.Status, s.CreatedAt });
        // The rate limit counts a member's suggestions of the last hour.
        builder.HasIndex(s => new { s.AuthorId, s.CreatedAt });
    }
}

internal sealed class TranslationOverrideConfiguration : IEntityTypeConfiguration<TranslationOverride>
{
    public void Configure(EntityTypeBuilder<TranslationOverride> builder)
    {
        builder.HasKey(o => new { o.Language, o.Key });
        builder.Property(o => o.Language).HasMaxLength(ProofreadingLimits.Language);
        builder.Property(o => o.Key).HasMaxLength(ProofreadingLimits.Key);
        builder.Property(o => o.Text).HasMaxLength(ProofreadingLimits.Text);
        builder.Property(o => o.AcceptedById).HasMaxLength(ProofreadingLimits.UserId);
    }
}

internal sealed class TranslationChangeConfiguration : IEntityTypeConfiguration<TranslationChange>
{
    public void Configure(EntityTypeBuilder<TranslationChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Language).HasMaxLength(ProofreadingLimits.Language);
        builder.Property(c => c.Key).HasMaxLength(ProofreadingLimits.Key);
        builder.Property(c => c.Text).HasMaxLength(ProofreadingLimits.Text);
        builder.Property(c => c.PreviousText).HasMaxLength(ProofreadingLimits.Text);
        builder.Property(c => c.ChangedById).HasMaxLength(ProofreadingLimits.UserId);
        builder.HasIndex(c => new { c.Language, c.Key, c.ChangedAt });
    }
}

internal sealed class TranslationReviewConfiguration : IEntityTypeConfiguration<TranslationReview>
{
    public void Configure(EntityTypeBuilder<TranslationReview> builder)
    {
        builder.HasKey(r => new { r.Language, r.Key });
        builder.Property(r => r.Language).HasMaxLength(ProofreadingLimits.Language);
        builder.Property(r => r.Key).HasMaxLength(ProofreadingLimits.Key);
        builder.Property(r => r.ReviewedText).HasMaxLength(ProofreadingLimits.Text);
        builder.Property(r => r.ReviewedById).HasMaxLength(ProofreadingLimits.UserId);
    }
}

internal sealed class TranslationOverridesVersionConfiguration : IEntityTypeConfiguration<TranslationOverridesVersion>
{
    public void Configure(EntityTypeBuilder<TranslationOverridesVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new TranslationOverridesVersion { Id = TranslationOverridesVersion.SingletonId, Version = 0 });
    }
}

internal sealed class PageStringConfiguration : IEntityTypeConfiguration<PageString>
{
    public void Configure(EntityTypeBuilder<PageString> builder)
    {
        builder.HasKey(p => new { p.Page, p.Key });
        builder.Property(p => p.Page).HasMaxLength(ProofreadingLimits.Page);
        builder.Property(p => p.Key).HasMaxLength(ProofreadingLimits.Key);
    }
}

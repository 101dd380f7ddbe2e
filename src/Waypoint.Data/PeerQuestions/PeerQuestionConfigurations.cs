using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Waypoint.Data.PeerQuestions;

internal sealed class PeerQuestionConfiguration : IEntityTypeConfiguration<PeerQuestion>
{
    public void Configure(EntityTypeBuilder<PeerQuestion> builder)
    {
        builder.Property(q => q.TopicKey).HasMaxLength(60);
        builder.Property(q => q.Title).HasMaxLength(PeerQuestion.TitleMaxLength);
        builder.Property(q => q.Body).HasMaxLength(PeerQuestion.BodyMaxLength);
        builder.Property(q => q.AskedById).HasMaxLength(450);
        builder.HasOne(q => q.AskedBy).WithMany().HasForeignKey(q => q.AskedById);
        builder.HasOne(q => q.Organisation).WithMany().HasForeignKey(q => q.OrganisationId);
        // Questions are listed by topic, newest first.
        builder.HasIndex(q => new { q.TopicKey, q.AskedAt });
        builder.HasIndex(q => q.AskedAt);
    }

    /// <summary>SQLite cannot order by a DateTimeOffset stored as text; the list of questions is paged in the database,
    /// newest first, so there the time is stored as a sortable number.</summary>
    public static void ConfigureForProvider(ModelBuilder builder, bool postgres)
    {
        if (!postgres) builder.Entity<PeerQuestion>().Property(q => q.AskedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}

internal sealed class PeerAnswerConfiguration : IEntityTypeConfiguration<PeerAnswer>
{
    public void Configure(EntityTypeBuilder<PeerAnswer> builder)
    {
        builder.Property(a => a.Body).HasMaxLength(PeerAnswer.BodyMaxLength);
        builder.Property(a => a.AnsweredById).HasMaxLength(450);
        builder.HasOne(a => a.Question).WithMany(q => q.Answers).HasForeignKey(a => a.QuestionId);
        builder.HasOne(a => a.AnsweredBy).WithMany().HasForeignKey(a => a.AnsweredById);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.QuestionId, a.AnsweredAt });
    }
}

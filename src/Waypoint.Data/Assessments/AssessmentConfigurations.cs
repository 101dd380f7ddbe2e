using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waypoint.Data.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId);
        // One assessment per organisation and round, even when two colleagues press "start" at once.
        builder.HasIndex(a => new { a.OrganisationId, a.Round }).IsUnique();
        builder.HasIndex(a => new { a.Round, a.Status });
        builder.Property(a => a.QuestionnaireVersion).HasMaxLength(20);
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.Property(a => a.SubmittedById).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public const int NoteMaxLength = 2000;
    public const int EvidenceUrlMaxLength = 500;

    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.HasKey(a => new { a.AssessmentId, a.QuestionKey });
        builder.HasOne(a => a.Assessment).WithMany(a => a.Answers).HasForeignKey(a => a.AssessmentId);
        builder.Property(a => a.QuestionKey).HasMaxLength(100);
        builder.Property(a => a.Value).HasMaxLength(500);
        builder.Property(a => a.Note).HasMaxLength(NoteMaxLength);
        builder.Property(a => a.EvidenceUrl).HasMaxLength(EvidenceUrlMaxLength);
        builder.Property(a => a.UpdatedById).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class TopicGoodPracticeConfiguration : IEntityTypeConfiguration<TopicGoodPractice>
{
    public void Configure(EntityTypeBuilder<TopicGoodPractice> builder)
    {
        builder.HasKey(g => new { g.AssessmentId, g.TopicKey });
        builder.HasOne(g => g.Assessment).WithMany(a => a.GoodPractices).HasForeignKey(g => g.AssessmentId);
        builder.Property(g => g.TopicKey).HasMaxLength(60);
        builder.Property(g => g.SolutionName).HasMaxLength(200);
        builder.Property(g => g.Url).HasMaxLength(500);
        builder.Property(g => g.Achievement).HasMaxLength(2000);
        builder.Property(g => g.UpdatedById).HasMaxLength(450);
        builder.Property(g => g.Version).IsConcurrencyToken();
    }
}

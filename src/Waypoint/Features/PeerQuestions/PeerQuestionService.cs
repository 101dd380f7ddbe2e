using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.PeerQuestions;
using Waypoint.Features.GoodPractices;
using Waypoint.Features.Organisations;
using Waypoint.Infrastructure.Text;

namespace Waypoint.Features.PeerQuestions;

/// <summary>
/// Ask a peer: a member of an organisation asks a question on a topic; members of other organisations answer it, and
/// the asker is told by email. Read by signed-in people only (see docs/share.md for why).
/// </summary>
internal sealed class PeerQuestionService(WaypointDbContext db, TopicNames topics, PeerQuestionEmails emails, TimeProvider clock,
    IStringLocalizer<Program> l)
{
    public const int PageSize = 20;

    public async Task<QuestionResults> ListAsync(string? topicKey, int page, CancellationToken cancellationToken)
    {
        var questions = db.PeerQuestions.AsNoTracking();
        if (topicKey is not null) questions = questions.Where(q => q.TopicKey == topicKey);
        var offset = (page - 1) * PageSize;
        var rows = await questions.OrderByDescending(q => q.AskedAt).ThenBy(q => q.Id).Skip(offset).Take(PageSize)
            .Select(q => new { q.Id, q.TopicKey, q.Title, AuthorityName = q.Organisation.Authority.Name, q.AskedAt, Answers = q.Answers.Count })
            .ToListAsync(cancellationToken);
        var total = rows.Count < PageSize && (rows.Count > 0 || offset == 0) ? offset + rows.Count : await questions.CountAsync(cancellationToken);
        return new QuestionResults([.. rows.Select(q => new QuestionSummaryDto(q.Id, q.TopicKey, topics.Title(q.TopicKey), q.Title, q.AuthorityName, q.AskedAt, q.Answers))],
            page, PageSize, total);
    }

    public async Task<QuestionDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var q = await db.PeerQuestions.AsNoTracking().Where(q => q.Id == id)
            .Select(q => new { q.Id, q.TopicKey, q.Title, q.Body, q.OrganisationId, Author = q.AskedBy.DisplayName, AuthorityName = q.Organisation.Authority.Name, q.AskedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (q is null) return null;
        var answers = await db.PeerAnswers.AsNoTracking().Where(a => a.QuestionId == id)
            .Select(a => new { a.Id, a.Body, Author = a.AnsweredBy.DisplayName, AuthorityName = a.Organisation.Authority.Name, a.AnsweredAt })
            .ToListAsync(cancellationToken);
        return new QuestionDto(q.Id, q.TopicKey, topics.Title(q.TopicKey), q.Title, q.Body, q.OrganisationId, q.Author, q.AuthorityName, q.AskedAt,
            [.. answers.OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id).Select(a => new PeerAnswerDto(a.Id, a.Body, a.Author, a.AuthorityName, a.AnsweredAt))]);
    }

    public async Task<bool> IsAskerAsync(ClaimsPrincipal user, Guid questionId, CancellationToken cancellationToken)
    {
        var userId = OrganisationAccess.UserIdOf(user);
        return userId is not null && await db.PeerQuestions.AnyAsync(q => q.Id == questionId && q.AskedById == userId, cancellationToken);
    }

    /// <summary>The organisations the person is a member of, by authority name.</summary>
    public async Task<IReadOnlyList<MemberOrganisation>> OrganisationsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = OrganisationAccess.UserIdOf(user);
        if (userId is null) return [];
        var organisations = await db.OrganisationMemberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new MemberOrganisation(m.OrganisationId, m.Organisation.Authority.Name))
            .ToListAsync(cancellationToken);
        return [.. organisations.OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }

    public async Task<Outcome<QuestionDto>> AskAsync(ClaimsPrincipal user, AskQuestionRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!topics.IsTopic(request.TopicKey))
            errors.Add("topicKey", l["Choose the topic of your question."]);
        var title = PlainText.Normalise(request.Title);
        if (PlainText.Check(title, l["The question"], PeerQuestion.TitleMaxLength, required: true, l) is { } titleProblem) errors.Add("title", titleProblem);
        var body = PlainText.Normalise(request.Body);
        if (PlainText.Check(body, l["The details"], PeerQuestion.BodyMaxLength, required: true, l) is { } bodyProblem) errors.Add("body", bodyProblem);
        if (errors.Any) return Outcome<QuestionDto>.Refused(errors.ToFailure());

        var organisations = await OrganisationsOfAsync(user, cancellationToken);
        if (organisations.Count == 0)
            return Outcome<QuestionDto>.Refused(Failure.Forbidden(l["Only members of an organisation can ask peers. Claim your authority or accept an invitation first."]));
        var organisation = request.OrganisationId is { } chosen ? organisations.FirstOrDefault(o => o.Id == chosen) : organisations[0];
        if (organisation is null)
            return Outcome<QuestionDto>.Refused(Failure.Invalid("organisationId", l["Choose one of your organisations."]));

        var question = new PeerQuestion
        {
            Id = Guid.NewGuid(),
            TopicKey = request.TopicKey!,
            Title = title!,
            Body = body!,
            AskedById = OrganisationAccess.UserIdOf(user)!,
            OrganisationId = organisation.Id,
            AskedAt = clock.GetUtcNow(),
        };
        db.PeerQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<QuestionDto>.Success((await GetAsync(question.Id, cancellationToken))!);
    }

    public async Task<Outcome<PeerAnswerDto>> AnswerAsync(ClaimsPrincipal user, Guid questionId, AnswerQuestionRequest request, CancellationToken cancellationToken)
    {
        var question = await db.PeerQuestions.AsNoTracking().Where(q => q.Id == questionId)
            .Select(q => new { q.Id, q.Title, q.OrganisationId, q.AskedById, AskerEmail = q.AskedBy.Email, AskerLanguage = q.AskedBy.PreferredLanguage })
            .FirstOrDefaultAsync(cancellationToken);
        if (question is null) return Outcome<PeerAnswerDto>.Refused(Failure.NotFound(l["There is no question with this id."]));

        var userId = OrganisationAccess.UserIdOf(user)!;
        var others = (await OrganisationsOfAsync(user, cancellationToken)).Where(o => o.Id != question.OrganisationId).ToList();
        if (userId == question.AskedById || others.Count == 0)
            return Outcome<PeerAnswerDto>.Refused(Failure.Forbidden(l["Only members of other organisations than the asker's can answer this question."]));

        var errors = new FieldErrors();
        var body = PlainText.Normalise(request.Body);
        if (PlainText.Check(body, l["The answer"], PeerAnswer.BodyMaxLength, required: true, l) is { } problem) errors.Add("body", problem);
        var organisation = request.OrganisationId is { } chosen ? others.FirstOrDefault(o => o.Id == chosen) : others[0];
        if (organisation is null) errors.Add("organisationId", l["Choose one of your organisations other than the asker's."]);
        if (errors.Any) return Outcome<PeerAnswerDto>.Refused(errors.ToFailure());

        var answer = new PeerAnswer
        {
            Id = Guid.NewGuid(),
            QuestionId = question.Id,
            Body = body!,
            AnsweredById = userId,
            OrganisationId = organisation!.Id,
            AnsweredAt = clock.GetUtcNow(),
        };
        db.PeerAnswers.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
        if (question.AskerEmail is { } email)
            await emails.AnsweredAsync(email, question.AskerLanguage, question.Id, question.Title, organisation.Name, cancellationToken);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        return Outcome<PeerAnswerDto>.Success(new PeerAnswerDto(answer.Id, answer.Body, author, organisation.Name, answer.AnsweredAt));
    }
}

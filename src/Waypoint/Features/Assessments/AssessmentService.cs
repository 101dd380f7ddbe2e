using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Assessments;
using Waypoint.Data.Organisations;
using Waypoint.Features.Benchmarks;
using Waypoint.Features.Organisations;
using Waypoint.Features.Questionnaires;

namespace Waypoint.Features.Assessments;

/// <summary>
/// Starting, answering, submitting and reading assessments; the API and the pages both go through it. Every operation
/// first asks <see cref="OrganisationAccess"/> with the role it needs: viewers read, contributors and admins answer,
/// admins submit; someone outside the organisation gets "not found".
/// </summary>
/// <remarks>
/// Concurrency (see docs/assessments.md): every answer write is one transaction that first bumps the assessment's
/// version only while it is a draft, then inserts or updates the answer only at the version the writer read. On
/// PostgreSQL the bump takes the assessment's row lock, so a submission and an answer cannot interleave; on SQLite
/// writers queue on <see cref="DatabaseWriteGate"/>. A write based on a stale version is refused with the current answer.
/// </remarks>
internal sealed class AssessmentService(
    WaypointDbContext db,
    OrganisationAccess access,
    QuestionnaireCatalog catalog,
    DatabaseWriteGate writeGate,
    TimeProvider clock,
    IStringLocalizer<Program> l)
{
    /// <param name="UserName">The display name of the person asking, read with the assessment to save a round trip on writes.</param>
    private sealed record Target(Guid Id, Guid OrganisationId, int Round, string QuestionnaireVersion, AssessmentStatus Status, OrganisationRole? Role,
        string? UserName = null);

    public int CurrentRound => clock.GetUtcNow().Year;

    public Questionnaire QuestionnaireOf(AssessmentDto assessment) => QuestionnaireOf(assessment.QuestionnaireVersion);

    /// <summary>The assessment's own questionnaire version, in the reader's language (texts only; keys and rules are the same).</summary>
    private Questionnaire QuestionnaireOf(string version) =>
        catalog.Localize(
            catalog.Find(version) ?? throw new InvalidOperationException($"Questionnaire version {version} is missing from the content folder, but assessments use it."),
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    // ---- reading --------------------------------------------------------------------------------------------------

    public async Task<AssessmentOutcome<OrganisationAssessmentsDto>> ListAsync(ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(user, organisationId, OrganisationRole.Viewer, cancellationToken);
        if (!check.Allowed) return OrganisationNotFound();

        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Authority.Name).FirstAsync(cancellationToken);
        var rows = await db.Assessments.AsNoTracking().Where(a => a.OrganisationId == organisationId)
            .Select(a => new { a.Id, a.Round, a.QuestionnaireVersion, a.Status, a.CreatedAt, a.SubmittedAt, Answered = a.Answers.Count })
            .ToListAsync(cancellationToken);
        var summaries = rows.OrderByDescending(a => a.Round)
            .Select(a => new AssessmentSummaryDto(a.Id, a.Round, a.QuestionnaireVersion, a.Status, a.CreatedAt, a.SubmittedAt, a.Answered,
                catalog.Find(a.QuestionnaireVersion)?.QuestionsByKey.Count ?? 0))
            .ToList();
        return new OrganisationAssessmentsDto(organisationId, name, check.Role, check.Role >= OrganisationRole.Contributor, CurrentRound, summaries);
    }

    public async Task<AssessmentOutcome<AssessmentDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (target, denied) = await AuthoriseAsync(user, id, OrganisationRole.Viewer, cancellationToken);
        if (denied is not null) return denied;
        return await LoadAsync(target!, cancellationToken);
    }

    private async Task<AssessmentDto> LoadAsync(Target target, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking().Where(a => a.Id == target.Id)
            .Select(a => new
            {
                a.Id,
                a.OrganisationId,
                OrganisationName = a.Organisation.Authority.Name,
                a.Organisation.IsSynthetic,
                a.Round,
                a.QuestionnaireVersion,
                a.Status,
                a.Version,
                a.CreatedAt,
                a.CreatedById,
                a.CopiedFromId,
                a.SubmittedAt,
                a.SubmittedById,
            })
            .FirstAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == target.Id).ToListAsync(cancellationToken);
        var practices = await db.TopicGoodPractices.AsNoTracking().Where(g => g.AssessmentId == target.Id).ToListAsync(cancellationToken);
        var names = await NamesAsync(
            answers.Select(a => a.UpdatedById).Concat(practices.Select(p => p.UpdatedById))
                .Append(assessment.CreatedById).Append(assessment.SubmittedById ?? ""),
            cancellationToken);

        var questionnaire = QuestionnaireOf(assessment.QuestionnaireVersion);
        var order = questionnaire.QuestionsInOrder().Select((q, i) => (q.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var answerDtos = answers
            .OrderBy(a => order.GetValueOrDefault(a.QuestionKey, int.MaxValue)).ThenBy(a => a.QuestionKey, StringComparer.Ordinal)
            .Select(a => ToDto(a, names)).ToList();
        var practiceDtos = practices
            .OrderBy(p => questionnaire.Topics.IndexOf(questionnaire.FindSection(p.TopicKey)!))
            .Select(p => ToDto(p, names)).ToList();
        return new AssessmentDto(
            assessment.Id,
            assessment.OrganisationId,
            assessment.OrganisationName,
            assessment.Round,
            assessment.QuestionnaireVersion,
            assessment.Status,
            assessment.Version,
            assessment.CreatedAt,
            Person(assessment.CreatedById, names),
            assessment.CopiedFromId,
            assessment.SubmittedAt,
            assessment.SubmittedById is { } submitter ? Person(submitter, names) : null,
            target.Role,
            target.Role >= OrganisationRole.Contributor && assessment.Status == AssessmentStatus.Draft,
            target.Role == OrganisationRole.Admin && assessment.Status == AssessmentStatus.Draft,
            Progress(questionnaire, answers),
            answerDtos,
            practiceDtos)
        {
            IsSynthetic = assessment.IsSynthetic,
        };
    }

    public async Task<AssessmentOutcome<ResultsDto>> ResultsAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (target, denied) = await AuthoriseAsync(user, id, OrganisationRole.Viewer, cancellationToken);
        if (denied is not null) return denied;
        var answers = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == id)
            .Select(a => new { a.QuestionKey, a.Choice, a.Level })
            .ToListAsync(cancellationToken);
        return AssessmentResults.Compute(id, target!.Round, target.Status, QuestionnaireOf(target.QuestionnaireVersion),
            answers.Select(a => (a.QuestionKey, a.Choice, a.Level)), l);
    }

    /// <summary>The results of an assessment already read with <see cref="GetAsync"/> (so a page reads it once).</summary>
    public ResultsDto ResultsOf(AssessmentDto assessment) =>
        AssessmentResults.Compute(assessment.Id, assessment.Round, assessment.Status, QuestionnaireOf(assessment),
            assessment.Answers.Select(a => (a.QuestionKey, AnswerRules.ParseChoice(a.Choice), a.Level)), l);

    // ---- starting -------------------------------------------------------------------------------------------------

    public async Task<AssessmentOutcome<AssessmentDto>> StartAsync(ClaimsPrincipal user, StartAssessmentRequest request, CancellationToken cancellationToken)
    {
        if (request.OrganisationId is not { } organisationId)
            return AssessmentFailure.Invalid("organisationId", l["Send the id of the organisation whose assessment to start."]);
        var check = await access.CheckAsync(user, organisationId, OrganisationRole.Contributor, cancellationToken);
        if (check.Outcome == AccessOutcome.NotFound) return OrganisationNotFound();
        if (check.Outcome == AccessOutcome.Forbidden) return Forbidden(check.Role, OrganisationRole.Contributor);

        var round = request.Round ?? CurrentRound;
        if (round != CurrentRound && round != CurrentRound - 1)
            return AssessmentFailure.Invalid("round", l["An assessment describes this year ({0}) or, early in a year, the year before ({1}); {2} is neither.", CurrentRound, CurrentRound - 1, round]);
        if (catalog.Current is not { } questionnaire)
            return new AssessmentFailure(AssessmentFailureKind.Conflict, l["No questionnaire has been published yet, so no assessment can start."]);

        var existing = await db.Assessments.AsNoTracking().Where(a => a.OrganisationId == organisationId && a.Round == round)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId) return Exists(existingId, round);

        var userId = UserId(user);
        var now = clock.GetUtcNow();
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            Round = round,
            QuestionnaireVersion = questionnaire.Version,
            CreatedAt = now,
            CreatedById = userId,
            UpdatedAt = now,
        };
        if (request.CopyPrevious == true)
        {
            var previous = await db.Assessments.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Round < round)
                .OrderByDescending(a => a.Round)
                .Select(a => new { a.Id, a.QuestionnaireVersion })
                .FirstOrDefaultAsync(cancellationToken);
            if (previous is null)
                return AssessmentFailure.Invalid("copyPrevious", l["The organisation has no assessment of an earlier round to copy answers from. Start with empty answers."]);
            assessment.CopiedFromId = previous.Id;
            await CopyAnswersAsync(previous.Id, questionnaire, assessment, userId, now, cancellationToken);
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            db.Assessments.Add(assessment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // A colleague started the same round a moment earlier.
                db.ChangeTracker.Clear();
                var winner = await db.Assessments.AsNoTracking().Where(a => a.OrganisationId == organisationId && a.Round == round)
                    .Select(a => a.Id).FirstAsync(cancellationToken);
                return Exists(winner, round);
            }
        }
        return await LoadAsync(new Target(assessment.Id, organisationId, round, assessment.QuestionnaireVersion, AssessmentStatus.Draft, check.Role), cancellationToken);
    }

    /// <summary>Copies the answers and good practices that still fit: questions the new version still has, with a
    /// value its question still accepts. Each copy is a new answer at version 1, written by the person who started.</summary>
    private async Task CopyAnswersAsync(Guid previousId, Questionnaire questionnaire, Assessment into, string userId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var answers = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == previousId).ToListAsync(cancellationToken);
        foreach (var answer in answers)
        {
            if (questionnaire.FindQuestion(answer.QuestionKey) is not { } question) continue;
            var request = question.Scored
                ? new SaveAnswerRequest(answer.Choice == AnswerChoice.Level ? answer.Level : null,
                    answer.Choice == AnswerChoice.Level ? null : AnswerRules.ChoiceName(answer.Choice), null, answer.Note, answer.EvidenceUrl, 0)
                : new SaveAnswerRequest(null, null, answer.Value is null ? null : JsonSerializer.SerializeToElement(answer.Value), answer.Note, answer.EvidenceUrl, 0);
            var (content, _) = AnswerRules.Validate(question, request, l);
            if (content is null) continue;
            into.Answers.Add(NewAnswer(into.Id, question.Key, content, userId, now));
        }
        var practices = await db.TopicGoodPractices.AsNoTracking().Where(g => g.AssessmentId == previousId).ToListAsync(cancellationToken);
        foreach (var practice in practices.Where(p => questionnaire.FindSection(p.TopicKey) is { Kind: SectionKind.Topic }))
        {
            into.GoodPractices.Add(new TopicGoodPractice
            {
                AssessmentId = into.Id,
                TopicKey = practice.TopicKey,
                SolutionName = practice.SolutionName,
                Url = practice.Url,
                Achievement = practice.Achievement,
                Version = 1,
                UpdatedAt = now,
                UpdatedById = userId,
            });
        }
    }

    // ---- answering ------------------------------------------------------------------------------------------------

    /// <summary>Checks an answer against its question without storing anything (the pages check a whole form first).</summary>
    public AssessmentFailure? Validate(Question question, SaveAnswerRequest request)
    {
        var (_, errors) = AnswerRules.Validate(question, request, l);
        return errors.Count > 0 ? AssessmentFailure.Invalid(errors) : null;
    }

    public async Task<AssessmentOutcome<AnswerDto>> SaveAnswerAsync(ClaimsPrincipal user, Guid id, string questionKey, SaveAnswerRequest request,
        CancellationToken cancellationToken)
    {
        var (target, denied) = await AuthoriseAsync(user, id, OrganisationRole.Contributor, cancellationToken);
        if (denied is not null) return denied;
        var questionnaire = QuestionnaireOf(target!.QuestionnaireVersion);
        if (questionnaire.FindQuestion(questionKey) is not { } question)
            return new AssessmentFailure(AssessmentFailureKind.NotFound,
                l["Questionnaire version {0} has no question '{1}'. GET /api/v1/questionnaires/{0} lists its question keys.", questionnaire.Version, questionKey]);
        var (content, errors) = AnswerRules.Validate(question, request, l);
        if (content is null) return AssessmentFailure.Invalid(errors);
        if (target.Status != AssessmentStatus.Draft) return Submitted();

        var version = request.Version!.Value;
        var userId = UserId(user);
        var now = clock.GetUtcNow();
        var write = await WriteVersionedAsync(id, version, now,
            insert: () => db.Answers.Add(NewAnswer(id, questionKey, content, userId, now)),
            update: () => db.Answers
                .Where(a => a.AssessmentId == id && a.QuestionKey == questionKey && a.Version == version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Choice, content.Choice)
                    .SetProperty(a => a.Level, content.Level)
                    .SetProperty(a => a.Value, content.Value)
                    .SetProperty(a => a.Note, content.Note)
                    .SetProperty(a => a.EvidenceUrl, content.EvidenceUrl)
                    .SetProperty(a => a.UpdatedAt, now)
                    .SetProperty(a => a.UpdatedById, userId)
                    .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken),
            cancellationToken);
        if (write == VersionedWrite.Submitted) return Submitted();
        if (write == VersionedWrite.Stale) return Stale(await CurrentAnswerAsync(id, questionKey, cancellationToken), version);
        return new AnswerDto(questionKey, AnswerRules.ChoiceName(content.Choice), content.Level, content.Value, content.Note, content.EvidenceUrl,
            version + 1, now, new PersonDto(userId, target.UserName ?? ""));
    }

    public async Task<AssessmentOutcome<GoodPracticeDto>> SaveGoodPracticeAsync(ClaimsPrincipal user, Guid id, string topicKey,
        SaveGoodPracticeRequest request, CancellationToken cancellationToken)
    {
        var (target, denied) = await AuthoriseAsync(user, id, OrganisationRole.Contributor, cancellationToken);
        if (denied is not null) return denied;
        var questionnaire = QuestionnaireOf(target!.QuestionnaireVersion);
        if (questionnaire.FindSection(topicKey) is not { Kind: SectionKind.Topic })
            return new AssessmentFailure(AssessmentFailureKind.NotFound,
                l["Questionnaire version {0} has no topic '{1}'. Topics: {2}.", questionnaire.Version, topicKey, string.Join(", ", questionnaire.Topics.Select(t => t.Key))]);
        var (content, errors) = AnswerRules.Validate(request, l);
        if (content is null) return AssessmentFailure.Invalid(errors);
        if (target.Status != AssessmentStatus.Draft) return Submitted();

        var version = request.Version!.Value;
        var userId = UserId(user);
        var now = clock.GetUtcNow();
        var write = await WriteVersionedAsync(id, version, now,
            insert: () => db.TopicGoodPractices.Add(new TopicGoodPractice
            {
                AssessmentId = id,
                TopicKey = topicKey,
                SolutionName = content.SolutionName,
                Url = content.Url,
                Achievement = content.Achievement,
                Version = 1,
                UpdatedAt = now,
                UpdatedById = userId,
            }),
            update: () => db.TopicGoodPractices
                .Where(g => g.AssessmentId == id && g.TopicKey == topicKey && g.Version == version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(g => g.SolutionName, content.SolutionName)
                    .SetProperty(g => g.Url, content.Url)
                    .SetProperty(g => g.Achievement, content.Achievement)
                    .SetProperty(g => g.UpdatedAt, now)
                    .SetProperty(g => g.UpdatedById, userId)
                    .SetProperty(g => g.Version, g => g.Version + 1), cancellationToken),
            cancellationToken);
        if (write == VersionedWrite.Submitted) return Submitted();
        if (write == VersionedWrite.Saved)
        {
            return new GoodPracticeDto(topicKey, content.SolutionName, content.Url, content.Achievement, version + 1, now,
                new PersonDto(userId, target.UserName ?? ""));
        }

        var stored = await db.TopicGoodPractices.AsNoTracking().Where(g => g.AssessmentId == id && g.TopicKey == topicKey).FirstOrDefaultAsync(cancellationToken);
        var current = stored is null ? null : ToDto(stored, await NamesAsync([stored.UpdatedById], cancellationToken));
        return new AssessmentFailure(AssessmentFailureKind.Stale, current is null
            ? l["This good practice was not saved before (you sent version {0}). Send version 0 to write it.", version]
            : l["A colleague changed this good practice after you read it (you had version {0}, it is now at {1}). Look at theirs and send yours again with version {1} to replace it.", version, current.Version])
        { CurrentGoodPractice = current };
    }

    private enum VersionedWrite
    {
        Saved,
        Stale,
        Submitted,
    }

    /// <summary>
    /// How every answer and good practice is written, in one transaction behind the write gate: first the assessment's
    /// version moves on (refused once it is submitted), then the row is inserted when the writer saw none (version 0;
    /// a unique violation means a colleague wrote it first) or updated only if it still has the version the writer
    /// read. Anything else is stale: nothing is written and the caller shows the newer row.
    /// </summary>
    private async Task<VersionedWrite> WriteVersionedAsync(Guid id, int version, DateTimeOffset now, Action insert,
        Func<Task<int>> update, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await BumpDraftAsync(id, now, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return VersionedWrite.Submitted;
            }

            bool saved;
            if (version == 0)
            {
                insert();
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    saved = true;
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    // Someone wrote this row first: theirs stands until this writer has seen it.
                    db.ChangeTracker.Clear();
                    saved = false;
                }
            }
            else
            {
                saved = await update() == 1;
            }

            if (saved) await transaction.CommitAsync(cancellationToken);
            else await transaction.RollbackAsync(cancellationToken);
            return saved ? VersionedWrite.Saved : VersionedWrite.Stale;
        }
    }

    /// <summary>The first step of every write: moves the assessment's version on, only while it is a draft. On
    /// PostgreSQL this takes the assessment's row lock until the transaction ends, so a submission waits for the
    /// answers already being written and the answers that come after it find it submitted.</summary>
    private async Task<bool> BumpDraftAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Assessments
            .Where(a => a.Id == id && a.Status == AssessmentStatus.Draft)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Version, a => a.Version + 1)
                .SetProperty(a => a.UpdatedAt, now), cancellationToken) == 1;

    // ---- submitting -----------------------------------------------------------------------------------------------

    public async Task<AssessmentOutcome<AssessmentDto>> SubmitAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (target, denied) = await AuthoriseAsync(user, id, OrganisationRole.Admin, cancellationToken);
        if (denied is not null) return denied;
        if (target!.Status != AssessmentStatus.Draft) return AlreadySubmitted();
        var questionnaire = QuestionnaireOf(target.QuestionnaireVersion);
        var userId = UserId(user);
        var now = clock.GetUtcNow();

        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Flip first: on PostgreSQL this holds the row lock, so no answer can slip in between the check and the commit.
            var flipped = await db.Assessments
                .Where(a => a.Id == id && a.Status == AssessmentStatus.Draft)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, AssessmentStatus.Submitted)
                    .SetProperty(a => a.SubmittedAt, now)
                    .SetProperty(a => a.SubmittedById, userId)
                    .SetProperty(a => a.UpdatedAt, now)
                    .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
            if (flipped == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return AlreadySubmitted();
            }
            var answers = await db.Answers.Where(a => a.AssessmentId == id)
                .Select(a => new { a.QuestionKey, a.Choice, a.Level, a.Value })
                .ToListAsync(cancellationToken);
            var missing = Missing(questionnaire, answers.Select(a => (a.QuestionKey, a.Choice, a.Level, a.Value)));
            if (missing.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new AssessmentFailure(AssessmentFailureKind.Incomplete,
                    l["{0} required question(s) are unanswered. Answer them (\"don't know\" and \"not applicable\" count as answers), then submit again.", missing.Count])
                { Missing = missing };
            }
            var authority = await db.Organisations.AsNoTracking().Where(o => o.Id == target.OrganisationId).Select(o => o.Authority).FirstAsync(cancellationToken);
            var score = AssessmentResults.ScoreOf(questionnaire, answers.Select(a => (a.QuestionKey, a.Choice, a.Level)));
            db.BenchmarkEntries.Add(BenchmarkEntries.ForSubmission(id, target.OrganisationId, target.Round, authority, score, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await LoadAsync(target with { Status = AssessmentStatus.Submitted }, cancellationToken);
    }

    /// <summary>The required questions without an answer that counts, in questionnaire order.</summary>
    public static List<MissingAnswerDto> Missing(Questionnaire questionnaire, IEnumerable<(string Key, AnswerChoice Choice, int? Level, string? Value)> answers)
    {
        var byKey = answers.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var missing = new List<MissingAnswerDto>();
        foreach (var section in questionnaire.Sections)
        {
            foreach (var question in section.Questions.Where(q => q.Required))
            {
                if (byKey.TryGetValue(question.Key, out var a) && AnswerRules.Answers(question, a.Choice, a.Level, a.Value)) continue;
                missing.Add(new MissingAnswerDto(question.Key, section.Key, section.Title, question.Title));
            }
        }
        return missing;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private async Task<(Target? Target, AssessmentFailure? Denied)> AuthoriseAsync(ClaimsPrincipal user, Guid id, OrganisationRole minimum,
        CancellationToken cancellationToken)
    {
        var userId = OrganisationAccess.UserIdOf(user) ?? "";
        var found = await db.Assessments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.OrganisationId,
                a.Round,
                a.QuestionnaireVersion,
                a.Status,
                UserName = db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return (null, AssessmentNotFound());
        var check = await access.CheckAsync(user, found.OrganisationId, minimum, cancellationToken);
        return check.Outcome switch
        {
            AccessOutcome.Allowed => (new Target(id, found.OrganisationId, found.Round, found.QuestionnaireVersion, found.Status, check.Role, found.UserName), null),
            AccessOutcome.NotFound => (null, AssessmentNotFound()),
            _ => (null, Forbidden(check.Role, minimum)),
        };
    }

    private AssessmentFailure Forbidden(OrganisationRole? role, OrganisationRole minimum)
    {
        if (role is not { } memberRole)
            return new(AssessmentFailureKind.Forbidden, l["Only members of this organisation may change its assessments."]);
        return new(AssessmentFailureKind.Forbidden, minimum == OrganisationRole.Admin
            ? l["Only the organisation's admins may submit its assessment; your role is {0}. Ask one of its admins to submit it.", OrganisationLabels.Role(memberRole, l)]
            : l["Your role in this organisation ({0}) may read its assessments but not answer them. Ask one of its admins to make you a contributor.", OrganisationLabels.Role(memberRole, l)]);
    }

    private AssessmentFailure AssessmentNotFound() =>
        new(AssessmentFailureKind.NotFound, l["There is no assessment with this id among those you can see."]);

    private AssessmentFailure OrganisationNotFound() =>
        new(AssessmentFailureKind.NotFound, l["There is no organisation with this id among those you can see."]);

    private AssessmentFailure Exists(Guid id, int round) =>
        new(AssessmentFailureKind.Exists, l["The organisation already has an assessment for {0}; continue that one.", round]) { ExistingId = id };

    private AssessmentFailure Submitted() =>
        new(AssessmentFailureKind.Submitted, l["This assessment is submitted and can no longer change. Start next round's assessment to record changes."]);

    private AssessmentFailure AlreadySubmitted() =>
        new(AssessmentFailureKind.Submitted, l["This assessment is already submitted; it can be submitted only once."]);

    private AssessmentFailure Stale(AnswerDto? current, int version) =>
        new(AssessmentFailureKind.Stale, current is null
            ? l["This question has no saved answer yet (you sent version {0}). Send version 0 to answer it.", version]
            : l["A colleague changed this answer after you read it (you had version {0}, it is now at {1}). Look at their answer and send yours again with version {1} to replace it.", version, current.Version])
        { CurrentAnswer = current };

    private async Task<AnswerDto?> CurrentAnswerAsync(Guid id, string questionKey, CancellationToken cancellationToken)
    {
        var answer = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == id && a.QuestionKey == questionKey).FirstOrDefaultAsync(cancellationToken);
        return answer is null ? null : ToDto(answer, await NamesAsync([answer.UpdatedById], cancellationToken));
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
    }

    private PersonDto Person(string id, Dictionary<string, string> names) =>
        new(id, names.TryGetValue(id, out var name) ? name : l["a former member"]);

    private AnswerDto ToDto(Answer a, Dictionary<string, string> names) =>
        new(a.QuestionKey, AnswerRules.ChoiceName(a.Choice), a.Level, a.Value, a.Note, a.EvidenceUrl, a.Version, a.UpdatedAt, Person(a.UpdatedById, names));

    private GoodPracticeDto ToDto(TopicGoodPractice g, Dictionary<string, string> names) =>
        new(g.TopicKey, g.SolutionName, g.Url, g.Achievement, g.Version, g.UpdatedAt, Person(g.UpdatedById, names));

    private static Answer NewAnswer(Guid assessmentId, string questionKey, AnswerContent content, string userId, DateTimeOffset now) => new()
    {
        AssessmentId = assessmentId,
        QuestionKey = questionKey,
        Choice = content.Choice,
        Level = content.Level,
        Value = content.Value,
        Note = content.Note,
        EvidenceUrl = content.EvidenceUrl,
        Version = 1,
        UpdatedAt = now,
        UpdatedById = userId,
    };

    private static List<SectionProgressDto> Progress(Questionnaire questionnaire, List<Answer> answers)
    {
        var byKey = answers.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        return [.. questionnaire.Sections.Select(section =>
        {
            int answered = 0, requiredUnanswered = 0;
            foreach (var question in section.Questions)
            {
                var done = byKey.TryGetValue(question.Key, out var a) && AnswerRules.Answers(question, a.Choice, a.Level, a.Value);
                if (done) answered++;
                else if (question.Required) requiredUnanswered++;
            }
            return new SectionProgressDto(section.Key, section.Kind == SectionKind.Topic ? "topic" : "profile", section.Title,
                answered, section.Questions.Length, requiredUnanswered);
        })];
    }

    private static string UserId(ClaimsPrincipal user) =>
        OrganisationAccess.UserIdOf(user) ?? throw new InvalidOperationException("An authorised request has no user id.");
}

internal static class QuestionnaireExtensions
{
    public static IEnumerable<Question> QuestionsInOrder(this Questionnaire questionnaire) => questionnaire.Sections.SelectMany(s => s.Questions);
}

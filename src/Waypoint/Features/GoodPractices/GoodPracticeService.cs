using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Assessments;
using Waypoint.Data.Benchmarks;
using Waypoint.Data.GoodPractices;
using Waypoint.Data.Organisations;
using Waypoint.Features.Organisations;

namespace Waypoint.Features.GoodPractices;

/// <summary>
/// Sharing good practices: an organisation's admins propose the good practices of its submitted assessments, editors
/// approve (possibly after correcting the text) or reject them with a reason, and the organisation's admins are told.
/// Nothing is listed publicly before an editor approved it. The organisation's admins may withdraw what they shared, and
/// editors may take an approved one out of the library with a reason; either way it may be shared again, through
/// moderation again.
/// </summary>
internal sealed class GoodPracticeService(WaypointDbContext db, OrganisationAccess access, GoodPracticeEmails emails, TopicNames topics,
    TimeProvider clock, IStringLocalizer<Program> l)
{
    /// <summary>The good practices of the organisation's submitted assessments, newest round first, each with its shared copy if any.</summary>
    public async Task<Outcome<IReadOnlyList<PublishableGoodPracticeDto>>> PublishableAsync(ClaimsPrincipal user, Guid organisationId,
        CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Viewer, cancellationToken) is { } denied)
            return Outcome<IReadOnlyList<PublishableGoodPracticeDto>>.Refused(denied);
        var sources = await db.TopicGoodPractices.AsNoTracking()
            .Where(g => g.Assessment.OrganisationId == organisationId && g.Assessment.Status == AssessmentStatus.Submitted)
            .Select(g => new { g.AssessmentId, g.Assessment.Round, g.TopicKey, g.SolutionName, g.Url, g.Achievement })
            .ToListAsync(cancellationToken);
        var shared = (await SharedQuery().Where(p => p.OrganisationId == organisationId).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.AssessmentId, p.TopicKey));
        var order = Questionnaires.Questionnaire.TopicKeys;
        return Outcome<IReadOnlyList<PublishableGoodPracticeDto>>.Success([.. sources
            .Where(g => g.SolutionName is not null || g.Achievement is not null || g.Url is not null)
            .OrderByDescending(g => g.Round).ThenBy(g => order.IndexOf(g.TopicKey))
            .Select(g => new PublishableGoodPracticeDto(g.AssessmentId, g.Round, g.TopicKey, topics.Title(g.TopicKey), g.SolutionName, g.Url,
                g.Achievement, shared.TryGetValue((g.AssessmentId, g.TopicKey), out var s) ? ToDto(s) : null))]);
    }

    /// <summary>Proposes a good practice for the library (organisation admins). A rejected one may be proposed again.</summary>
    public async Task<Outcome<SharedGoodPracticeDto>> PublishAsync(ClaimsPrincipal user, PublishGoodPracticeRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.AssessmentId is null) errors.Add("assessmentId", l["Send the id of the submitted assessment the good practice comes from."]);
        if (!topics.IsTopic(request.TopicKey))
            errors.Add("topicKey", l["The topic must be one of: {0}.", string.Join(", ", Questionnaires.Questionnaire.TopicKeys)]);
        var text = GoodPracticeRules.Validate(request.Title, request.Url, request.Description, errors, l);
        if (errors.Any || text is null) return Outcome<SharedGoodPracticeDto>.Refused(errors.ToFailure());

        var assessment = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == request.AssessmentId)
            .Select(a => new { a.Id, a.OrganisationId, a.Round, a.Status, Authority = a.Organisation.Authority })
            .FirstOrDefaultAsync(cancellationToken);
        var notFound = Failure.NotFound(l["There is no assessment with this id among those you can see."]);
        if (assessment is null) return Outcome<SharedGoodPracticeDto>.Refused(notFound);
        if (await access.RequireAsync(user, assessment.OrganisationId, OrganisationRole.Admin, cancellationToken) is { } denied)
            return Outcome<SharedGoodPracticeDto>.Refused(denied.Kind == FailureKind.NotFound ? notFound : denied);
        if (assessment.Status != AssessmentStatus.Submitted)
            return Outcome<SharedGoodPracticeDto>.Refused(Failure.Conflict(l["Only the good practices of a submitted assessment can be shared. Submit the assessment first."]));
        var topicKey = request.TopicKey!;
        if (!await db.TopicGoodPractices.AnyAsync(g => g.AssessmentId == assessment.Id && g.TopicKey == topicKey, cancellationToken))
            return Outcome<SharedGoodPracticeDto>.Refused(Failure.NotFound(l["This assessment has no good practice for the topic '{0}'.", topicKey]));

        var now = clock.GetUtcNow();
        var userId = OrganisationAccess.UserIdOf(user)!;
        var authority = assessment.Authority;
        var existing = await db.SharedGoodPractices.FirstOrDefaultAsync(p => p.AssessmentId == assessment.Id && p.TopicKey == topicKey, cancellationToken);
        if (existing is not null && !MayShareAgain(existing.Status))
        {
            return Outcome<SharedGoodPracticeDto>.Refused(Failure.Conflict(existing.Status == GoodPracticeStatus.Pending
                ? l["This good practice is already waiting for an editor."]
                : l["This good practice is already in the library."]));
        }
        var practice = existing ?? new SharedGoodPractice
        {
            Id = Guid.NewGuid(),
            OrganisationId = assessment.OrganisationId,
            AssessmentId = assessment.Id,
            TopicKey = topicKey,
            Round = assessment.Round,
            Title = "",
            Description = "",
            SearchText = "",
            AuthorityName = "",
            CountryCode = "",
            PublishedById = userId,
        };
        practice.Title = text.Title;
        practice.Url = text.Url;
        practice.Description = text.Description;
        practice.AuthorityId = authority.Id;
        practice.AuthorityName = authority.Name;
        practice.CountryCode = authority.CountryCode;
        practice.AuthorityType = authority.Type;
        practice.PopulationBand = PopulationBands.For(authority.Population);
        practice.SearchText = text.SearchTextWith(authority.Name);
        practice.Status = GoodPracticeStatus.Pending;
        practice.RejectionReason = null;
        practice.DecidedAt = null;
        practice.DecidedById = null;
        practice.PublishedAt = now;
        practice.PublishedById = userId;
        practice.Version++;
        if (existing is null) db.SharedGoodPractices.Add(practice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (existing is null && Data.DbErrors.IsUniqueViolation(e))
        {
            return Outcome<SharedGoodPracticeDto>.Refused(Failure.Conflict(l["This good practice is already waiting for an editor."]));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SharedGoodPracticeDto>.Refused(Failure.Conflict(l["Someone else shared this good practice at the same moment. Reload the page."]));
        }
        return Outcome<SharedGoodPracticeDto>.Success(await GetDtoAsync(practice.Id, cancellationToken));
    }

    public static bool MayShareAgain(GoodPracticeStatus status) =>
        status is GoodPracticeStatus.Rejected or GoodPracticeStatus.Withdrawn or GoodPracticeStatus.Unpublished;

    public static bool MayWithdraw(GoodPracticeStatus status) => status is GoodPracticeStatus.Pending or GoodPracticeStatus.Approved;

    /// <summary>Withdraws a good practice the organisation shared (its admins), from the library or the moderation queue.
    /// People outside the organisation learn nothing (404); its other members are refused (403).</summary>
    public async Task<Outcome<SharedGoodPracticeDto>> WithdrawAsync(ClaimsPrincipal user, Guid id, WithdrawGoodPracticeRequest request, CancellationToken cancellationToken)
    {
        if (request.Version is null) return Outcome<SharedGoodPracticeDto>.Refused(Failure.Invalid("version", l["Send the version of the good practice you read."]));
        var practice = await db.SharedGoodPractices.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var notFound = Failure.NotFound(l["There is no shared good practice with this id."]);
        if (practice is null) return Outcome<SharedGoodPracticeDto>.Refused(notFound);
        if (await access.RequireAsync(user, practice.OrganisationId, OrganisationRole.Admin, cancellationToken) is { } denied)
            return Outcome<SharedGoodPracticeDto>.Refused(denied.Kind == FailureKind.NotFound ? notFound : denied);
        if (!MayWithdraw(practice.Status))
            return Outcome<SharedGoodPracticeDto>.Refused(Failure.Conflict(l["This good practice is neither in the library nor waiting for an editor: there is nothing to withdraw."]));
        if (practice.Version != request.Version)
            return Outcome<SharedGoodPracticeDto>.Refused(Stale(request.Version.Value, practice.Version));
        if (await DecideAsync(practice, GoodPracticeStatus.Withdrawn, null, OrganisationAccess.UserIdOf(user), cancellationToken) is { } conflict)
            return Outcome<SharedGoodPracticeDto>.Refused(conflict);
        return Outcome<SharedGoodPracticeDto>.Success(await GetDtoAsync(id, cancellationToken));
    }

    /// <summary>Takes an approved good practice out of the library (editors), with a reason the organisation's admins receive.</summary>
    public async Task<Outcome<SharedGoodPracticeDto>> UnpublishAsync(string editorId, Guid id, UnpublishGoodPracticeRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Version is null) errors.Add("version", l["Send the version of the good practice you read."]);
        var reason = GoodPracticeRules.ValidateReason(request.Reason, errors, l);
        if (errors.Any) return Outcome<SharedGoodPracticeDto>.Refused(errors.ToFailure());

        var practice = await db.SharedGoodPractices.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practice is null) return Outcome<SharedGoodPracticeDto>.Refused(Failure.NotFound(l["There is no shared good practice with this id."]));
        if (practice.Status != GoodPracticeStatus.Approved)
            return Outcome<SharedGoodPracticeDto>.Refused(Failure.Conflict(l["This good practice is not in the library: there is nothing to unpublish."]));
        if (practice.Version != request.Version)
            return Outcome<SharedGoodPracticeDto>.Refused(Stale(request.Version!.Value, practice.Version));
        if (await DecideAsync(practice, GoodPracticeStatus.Unpublished, reason, editorId, cancellationToken) is { } conflict)
            return Outcome<SharedGoodPracticeDto>.Refused(conflict);
        await emails.UnpublishedAsync(practice.OrganisationId, practice.Title, reason!, cancellationToken);
        return Outcome<SharedGoodPracticeDto>.Success(await GetDtoAsync(id, cancellationToken));
    }

    private Failure Stale(int version, int current) =>
        Failure.Conflict(l["This good practice changed after you read it (you had version {0}, it is now at {1}). Reload and decide again.", version, current]) with { CurrentVersion = current };

    /// <summary>The good practices waiting for an editor, oldest first.</summary>
    public async Task<IReadOnlyList<SharedGoodPracticeDto>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = await SharedQuery().Where(p => p.Status == GoodPracticeStatus.Pending).ToListAsync(cancellationToken);
        return [.. pending.OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Select(ToDto)];
    }

    /// <summary>Approves the version the editor read (editors), after replacing its text when they corrected it.</summary>
    public async Task<Outcome<SharedGoodPracticeDto>> ApproveAsync(string editorId, Guid id, ApproveGoodPracticeRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Version is null) errors.Add("version", l["Send the version of the good practice you read."]);
        ValidGoodPracticeText? changes = null;
        if (request.Changes is { } edit) changes = GoodPracticeRules.Validate(edit.Title, edit.Url, edit.Description, errors, l);
        if (errors.Any) return Outcome<SharedGoodPracticeDto>.Refused(errors.ToFailure());

        var (practice, refused) = await PendingToDecideAsync(id, request.Version!.Value, cancellationToken);
        if (practice is null) return Outcome<SharedGoodPracticeDto>.Refused(refused!);
        if (changes is not null)
        {
            practice.Title = changes.Title;
            practice.Url = changes.Url;
            practice.Description = changes.Description;
            practice.SearchText = changes.SearchTextWith(practice.AuthorityName);
        }
        if (await DecideAsync(practice, GoodPracticeStatus.Approved, null, editorId, cancellationToken) is { } conflict)
            return Outcome<SharedGoodPracticeDto>.Refused(conflict);
        await emails.ApprovedAsync(practice.OrganisationId, practice.Id, practice.Title, cancellationToken);
        return Outcome<SharedGoodPracticeDto>.Success(await GetDtoAsync(id, cancellationToken));
    }

    /// <summary>Rejects the version the editor read (editors), with a reason the organisation's admins receive.</summary>
    public async Task<Outcome<SharedGoodPracticeDto>> RejectAsync(string editorId, Guid id, RejectGoodPracticeRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Version is null) errors.Add("version", l["Send the version of the good practice you read."]);
        var reason = GoodPracticeRules.ValidateReason(request.Reason, errors, l);
        if (errors.Any) return Outcome<SharedGoodPracticeDto>.Refused(errors.ToFailure());

        var (practice, refused) = await PendingToDecideAsync(id, request.Version!.Value, cancellationToken);
        if (practice is null) return Outcome<SharedGoodPracticeDto>.Refused(refused!);
        if (await DecideAsync(practice, GoodPracticeStatus.Rejected, reason, editorId, cancellationToken) is { } conflict)
            return Outcome<SharedGoodPracticeDto>.Refused(conflict);
        await emails.RejectedAsync(practice.OrganisationId, practice.Title, reason!, cancellationToken);
        return Outcome<SharedGoodPracticeDto>.Success(await GetDtoAsync(id, cancellationToken));
    }

    private async Task<(SharedGoodPractice? Practice, Failure? Refused)> PendingToDecideAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var practice = await db.SharedGoodPractices.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practice is null) return (null, Failure.NotFound(l["There is no shared good practice with this id."]));
        if (practice.Status == GoodPracticeStatus.Withdrawn)
            return (null, Failure.Conflict(l["The organisation withdrew this good practice: there is nothing to decide."]));
        if (practice.Status != GoodPracticeStatus.Pending)
            return (null, Failure.Conflict(l["This good practice is no longer waiting for a decision: another editor decided it."]));
        if (practice.Version != version) return (null, Stale(version, practice.Version));
        return (practice, null);
    }

    /// <summary>Records a decision on the practice (who, when, the reason given or none) and saves it, unless someone
    /// changed the practice meanwhile: then nothing is saved and the conflict is returned.</summary>
    private Task<Failure?> DecideAsync(SharedGoodPractice practice, GoodPracticeStatus status, string? reason, string? deciderId,
        CancellationToken cancellationToken)
    {
        practice.Status = status;
        practice.RejectionReason = reason;
        practice.DecidedAt = clock.GetUtcNow();
        practice.DecidedById = deciderId;
        practice.Version++;
        return SaveDecisionAsync(cancellationToken);
    }

    private async Task<Failure?> SaveDecisionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Withdrawing (an organisation's admin) and deciding (an editor) both end here: the message names neither.
            return Failure.Conflict(l["Someone else changed this good practice at the same moment, so nothing was saved. Reload the page and try again."]);
        }
    }

    /// <summary>A shared good practice whatever its status, for editors; null when there is none.</summary>
    public async Task<SharedGoodPracticeDto?> FindSharedAsync(Guid id, CancellationToken cancellationToken) =>
        await SharedQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } found ? ToDto(found) : null;

    private async Task<SharedGoodPracticeDto> GetDtoAsync(Guid id, CancellationToken cancellationToken) =>
        ToDto(await SharedQuery().FirstAsync(p => p.Id == id, cancellationToken));

    private IQueryable<SharedGoodPractice> SharedQuery() => db.SharedGoodPractices.AsNoTracking();

    private SharedGoodPracticeDto ToDto(SharedGoodPractice p) =>
        new(p.Id, p.OrganisationId, p.AssessmentId, p.Round, p.TopicKey, topics.Title(p.TopicKey), p.Title, p.Url, p.Description, p.AuthorityName,
            p.CountryCode, p.Status, p.RejectionReason, p.PublishedAt, p.DecidedAt, p.Version);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Authorities;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

/// <summary>Claims: a person asks to speak for an authority; a platform admin approves (the organisation is created
/// with the claimant as its admin) or rejects with a reason. Used by the pages and the API alike.</summary>
internal sealed class ClaimService(WaypointDbContext db, OrganisationEmails emails, TimeProvider time, IStringLocalizer<Program> localizer)
{
    /// <summary>The authority as the claim page shows it, or why it cannot be claimed by this person now.</summary>
    public async Task<(AuthoritySummaryDto? Authority, Failure? Refusal)> ClaimableAsync(int authorityId, string userId,
        CancellationToken cancellationToken)
    {
        var authority = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId)
            .Select(a => new { Summary = new AuthoritySummaryDto(a.Id, a.Name, a.Type, a.CountryCode), a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (authority is null) return (null, AuthorityNotFound(authorityId));
        return (authority.Summary, await RefusalAsync(authority.Summary, authority.Status, userId, cancellationToken));
    }

    public async Task<Outcome<ClaimDto>> CreateAsync(string userId, CreateClaimRequest request, CancellationToken cancellationToken)
    {
        var jobTitle = OrganisationInput.Clean(request.JobTitle);
        var justification = OrganisationInput.Clean(request.Justification);
        var errors = new FieldErrors();
        if (request.AuthorityId is null)
            errors.Add("authorityId", localizer["Choose the authority you want to claim."]);
        if (jobTitle is null)
            errors.Add("jobTitle", localizer["Enter your job title."]);
        else if (jobTitle.Length > OrganisationInput.JobTitleMaxLength)
            errors.Add("jobTitle", localizer["Shorten your job title to {0} characters or fewer (it has {1}).", OrganisationInput.JobTitleMaxLength, jobTitle.Length]);
        if (justification is null)
            errors.Add("justification", localizer["Explain why you may speak for this authority: for example your official email address or a web page that names you."]);
        else if (justification.Length > OrganisationInput.JustificationMaxLength)
            errors.Add("justification", localizer["Shorten the justification to {0} characters or fewer (it has {1}).", OrganisationInput.JustificationMaxLength, justification.Length]);
        if (errors.Any) return Outcome<ClaimDto>.Refused(errors.ToFailure());

        var (authority, refusal) = await ClaimableAsync(request.AuthorityId!.Value, userId, cancellationToken);
        if (refusal is not null) return Outcome<ClaimDto>.Refused(refusal);

        var claim = new OrganisationClaim
        {
            Id = Guid.NewGuid(),
            AuthorityId = authority!.Id,
            ClaimantId = userId,
            JobTitle = jobTitle!,
            Justification = justification,
            CreatedAt = time.GetUtcNow(),
        };
        db.OrganisationClaims.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same person sent the form twice at once; the filtered unique index kept one.
            db.ChangeTracker.Clear();
            return Outcome<ClaimDto>.Refused(DuplicateClaim(authority.Name));
        }
        return Outcome<ClaimDto>.Success(ToDto(claim, authority));
    }

    public async Task<IReadOnlyList<ClaimDto>> MineAsync(string userId, CancellationToken cancellationToken)
    {
        var claims = await db.OrganisationClaims.AsNoTracking().Where(c => c.ClaimantId == userId)
            .Select(c => new ClaimDto(c.Id, new AuthoritySummaryDto(c.Authority.Id, c.Authority.Name, c.Authority.Type, c.Authority.CountryCode),
                c.JobTitle, c.Justification, c.Status, c.CreatedAt, c.DecidedAt, c.RejectionReason, c.OrganisationId))
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by a DateTimeOffset, and one person has few claims.
        return [.. claims.OrderByDescending(c => c.CreatedAt)];
    }

    public async Task<Outcome<ClaimDto>> WithdrawAsync(string userId, Guid claimId, CancellationToken cancellationToken)
    {
        var claim = await db.OrganisationClaims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId && c.ClaimantId == userId, cancellationToken);
        if (claim is null) return Outcome<ClaimDto>.Refused(ClaimNotFound());
        var now = time.GetUtcNow();
        var changed = await db.OrganisationClaims
            .Where(c => c.Id == claimId && c.Status == ClaimStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClaimStatus.Withdrawn).SetProperty(c => c.DecidedAt, now), cancellationToken);
        if (changed == 0) return Outcome<ClaimDto>.Refused(NotPending(await StatusOfAsync(claimId, cancellationToken)));
        return Outcome<ClaimDto>.Success((await MineAsync(userId, cancellationToken)).First(c => c.Id == claimId));
    }

    /// <summary>The approval queue, oldest first.</summary>
    public async Task<IReadOnlyList<PendingClaimDto>> PendingAsync(CancellationToken cancellationToken)
    {
        var claims = await db.OrganisationClaims.AsNoTracking().Where(c => c.Status == ClaimStatus.Pending)
            .Select(c => new PendingClaimDto(c.Id,
                new AuthoritySummaryDto(c.Authority.Id, c.Authority.Name, c.Authority.Type, c.Authority.CountryCode),
                new ClaimantDto(c.Claimant.Id, c.Claimant.Email ?? "", c.Claimant.DisplayName),
                c.JobTitle, c.Justification, c.CreatedAt))
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by a DateTimeOffset; the queue holds the few claims waiting for a decision.
        return [.. claims.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)];
    }

    /// <summary>Creates the organisation with the claimant as its admin and rejects the other pending claims for the
    /// same authority, in one transaction. The unique index on the organisation's authority settles a race between
    /// two approvals: the second gets a conflict.</summary>
    public async Task<Outcome<ClaimApprovalDto>> ApproveAsync(string adminId, Guid claimId, CancellationToken cancellationToken)
    {
        var claim = await db.OrganisationClaims.AsNoTracking().Include(c => c.Authority).Include(c => c.Claimant)
            .FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null) return Outcome<ClaimApprovalDto>.Refused(ClaimNotFound());
        if (claim.Status != ClaimStatus.Pending) return Outcome<ClaimApprovalDto>.Refused(NotPending(claim.Status));
        if (await db.Organisations.AnyAsync(o => o.AuthorityId == claim.AuthorityId, cancellationToken))
            return Outcome<ClaimApprovalDto>.Refused(AlreadyHasOrganisation(claim.Authority.Name));

        var now = time.GetUtcNow();
        var organisation = new Organisation { Id = Guid.NewGuid(), AuthorityId = claim.AuthorityId, CreatedAt = now };
        organisation.Members.Add(new OrganisationMembership { UserId = claim.ClaimantId, Role = OrganisationRole.Admin, JoinedAt = now });
        var autoReason = localizer["Another claim for {0} was approved, so it now has an organisation on Waypoint. Ask its admin to invite you.", claim.Authority.Name].Value;

        List<(string? Email, string Language)> othersToTell = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The organisation is inserted first: a concurrent approval for the same authority then waits on the
            // unique index and fails, instead of both transactions locking claims in different orders.
            db.Organisations.Add(organisation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return Outcome<ClaimApprovalDto>.Refused(AlreadyHasOrganisation(claim.Authority.Name));
            }

            var approved = await db.OrganisationClaims
                .Where(c => c.Id == claimId && c.Status == ClaimStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, ClaimStatus.Approved)
                    .SetProperty(c => c.DecidedAt, now)
                    .SetProperty(c => c.DecidedById, adminId)
                    .SetProperty(c => c.OrganisationId, organisation.Id), cancellationToken);
            if (approved == 0)
            {
                // Withdrawn or decided by someone else since it was read: undo the organisation.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return Outcome<ClaimApprovalDto>.Refused(NotPending(await StatusOfAsync(claimId, cancellationToken)));
            }

            var others = db.OrganisationClaims.Where(c => c.AuthorityId == claim.AuthorityId && c.Id != claimId && c.Status == ClaimStatus.Pending);
            var claimants = await others.Select(c => new { c.Claimant.Email, c.Claimant.PreferredLanguage }).ToListAsync(cancellationToken);
            othersToTell = [.. claimants.Select(c => (c.Email, c.PreferredLanguage))];
            await others.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClaimStatus.Rejected)
                .SetProperty(c => c.DecidedAt, now)
                .SetProperty(c => c.DecidedById, adminId)
                .SetProperty(c => c.RejectionReason, autoReason), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (claim.Claimant.Email is { } claimantEmail)
            await emails.ClaimApprovedAsync(claimantEmail, claim.Claimant.PreferredLanguage, claim.Authority.Name, organisation.Id, cancellationToken);
        foreach (var (email, language) in othersToTell)
        {
            if (email is not null) await emails.ClaimRejectedAsync(email, language, claim.Authority.Name, autoReason, cancellationToken);
        }

        var summary = new AuthoritySummaryDto(claim.Authority.Id, claim.Authority.Name, claim.Authority.Type, claim.Authority.CountryCode);
        var dto = ToDto(claim, summary) with { Status = ClaimStatus.Approved, DecidedAt = now, OrganisationId = organisation.Id };
        return Outcome<ClaimApprovalDto>.Success(new ClaimApprovalDto(dto, organisation.Id, othersToTell.Count));
    }

    public async Task<Outcome<ClaimDto>> RejectAsync(string adminId, Guid claimId, RejectClaimRequest request, CancellationToken cancellationToken)
    {
        var reason = OrganisationInput.Clean(request.Reason);
        if (reason is null)
            return Outcome<ClaimDto>.Refused(Failure.Invalid("reason", localizer["Enter the reason for the rejection: the claimant receives it by email."]));
        if (reason.Length > OrganisationInput.ReasonMaxLength)
            return Outcome<ClaimDto>.Refused(Failure.Invalid("reason",
                localizer["Shorten the reason to {0} characters or fewer (it has {1}).", OrganisationInput.ReasonMaxLength, reason.Length]));

        var claim = await db.OrganisationClaims.AsNoTracking().Include(c => c.Authority).Include(c => c.Claimant)
            .FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null) return Outcome<ClaimDto>.Refused(ClaimNotFound());
        var now = time.GetUtcNow();
        var changed = await db.OrganisationClaims
            .Where(c => c.Id == claimId && c.Status == ClaimStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClaimStatus.Rejected)
                .SetProperty(c => c.DecidedAt, now)
                .SetProperty(c => c.DecidedById, adminId)
                .SetProperty(c => c.RejectionReason, reason), cancellationToken);
        if (changed == 0) return Outcome<ClaimDto>.Refused(NotPending(await StatusOfAsync(claimId, cancellationToken)));

        if (claim.Claimant.Email is { } email)
            await emails.ClaimRejectedAsync(email, claim.Claimant.PreferredLanguage, claim.Authority.Name, reason, cancellationToken);
        var summary = new AuthoritySummaryDto(claim.Authority.Id, claim.Authority.Name, claim.Authority.Type, claim.Authority.CountryCode);
        return Outcome<ClaimDto>.Success(ToDto(claim, summary) with { Status = ClaimStatus.Rejected, DecidedAt = now, RejectionReason = reason });
    }

    private async Task<Failure?> RefusalAsync(AuthoritySummaryDto authority, AuthorityStatus status, string userId, CancellationToken cancellationToken)
    {
        if (status != AuthorityStatus.Active)
            return Failure.Conflict(localizer["{0} is not an active authority of the directory, so it cannot be claimed.", authority.Name]);
        if (await db.Organisations.AnyAsync(o => o.AuthorityId == authority.Id, cancellationToken))
            return AlreadyHasOrganisation(authority.Name);
        if (await db.OrganisationClaims.AnyAsync(c => c.AuthorityId == authority.Id && c.ClaimantId == userId && c.Status == ClaimStatus.Pending, cancellationToken))
            return DuplicateClaim(authority.Name);
        return null;
    }

    private Task<ClaimStatus> StatusOfAsync(Guid claimId, CancellationToken cancellationToken) =>
        db.OrganisationClaims.Where(c => c.Id == claimId).Select(c => c.Status).FirstAsync(cancellationToken);

    private static ClaimDto ToDto(OrganisationClaim claim, AuthoritySummaryDto authority) =>
        new(claim.Id, authority, claim.JobTitle, claim.Justification, claim.Status, claim.CreatedAt, claim.DecidedAt, claim.RejectionReason, claim.OrganisationId);

    private Failure AuthorityNotFound(int id) =>
        Failure.NotFound(localizer["There is no authority with id {0}. Find yours in the directory.", id]);

    private Failure ClaimNotFound() => Failure.NotFound(localizer["There is no claim with this id among those you can see."]);

    private Failure AlreadyHasOrganisation(string authorityName) =>
        Failure.Conflict(localizer["{0} already has an organisation on Waypoint, and an authority cannot have a second one. Ask one of its admins to invite you.", authorityName]);

    private Failure DuplicateClaim(string authorityName) =>
        Failure.Conflict(localizer["You already have a pending claim for {0}. Wait for the decision, or withdraw that claim first.", authorityName]);

    private Failure NotPending(ClaimStatus status) =>
        Failure.Conflict(localizer["This claim is no longer pending: it is {0}.", localizer[status.ToString().ToLowerInvariant()]]);
}

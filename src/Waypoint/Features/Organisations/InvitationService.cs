using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

/// <summary>Invitations by email. The link carries a random token; only its SHA-256 hash is stored, so a copy of the
/// database does not let anyone join. An invitation is open for 14 days and is accepted by the signed-in person whose
/// email it was sent to.</summary>
internal sealed class InvitationService(WaypointDbContext db, OrganisationAccess access, OrganisationEmails emails, TimeProvider time,
    IStringLocalizer<Program> localizer)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The invitations that can still be accepted, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<InvitationDto>>> OpenAsync(ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Viewer, cancellationToken) is { } denied)
            return Outcome<IReadOnlyList<InvitationDto>>.Refused(denied);
        var now = time.GetUtcNow();
        var invitations = await db.OrganisationInvitations.AsNoTracking()
            .Where(i => i.OrganisationId == organisationId && i.AcceptedAt == null && i.RevokedAt == null)
            .Select(i => new InvitationDto(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
        // Expiry and order are applied here: SQLite cannot compare or order DateTimeOffset values.
        return Outcome<IReadOnlyList<InvitationDto>>.Success([.. invitations.Where(i => i.ExpiresAt > now).OrderByDescending(i => i.CreatedAt)]);
    }

    /// <summary>Invites a person by email; an open invitation to the same address is replaced (its link stops working).</summary>
    public async Task<Outcome<InvitationDto>> InviteAsync(ClaimsPrincipal user, Guid organisationId, InviteRequest request, CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Admin, cancellationToken) is { } denied)
            return Outcome<InvitationDto>.Refused(denied);

        var email = OrganisationInput.Clean(request.Email);
        var errors = new FieldErrors();
        if (email is null)
            errors.Add("email", localizer["Enter the email address of the person to invite."]);
        else if (email.Length > OrganisationInput.EmailMaxLength)
            errors.Add("email", localizer["Shorten the email address to {0} characters or fewer.", OrganisationInput.EmailMaxLength]);
        else if (!OrganisationInput.IsEmail(email))
            errors.Add("email", localizer["Enter an email address like name@town.eu."]);
        if (!OrganisationInput.TryParseName<OrganisationRole>(request.Role, out var role))
            errors.Add("role", localizer["Choose a role: one of {0}.", OrganisationInput.Names<OrganisationRole>()]);
        if (errors.Any) return Outcome<InvitationDto>.Refused(errors.ToFailure());

        var normalizedEmail = OrganisationInput.NormalizeEmail(email!);
        if (await db.OrganisationMemberships.AnyAsync(m => m.OrganisationId == organisationId && m.User.NormalizedEmail == normalizedEmail, cancellationToken))
            return Outcome<InvitationDto>.Refused(Failure.Conflict(localizer["{0} is already a member of this organisation.", email!]));

        var inviterId = OrganisationAccess.UserIdOf(user)!;
        var now = time.GetUtcNow();
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var invitation = new OrganisationInvitation
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Email = email!,
            NormalizedEmail = normalizedEmail,
            Role = role,
            TokenHash = HashToken(token),
            InvitedById = inviterId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.OrganisationInvitations
                .Where(i => i.OrganisationId == organisationId && i.NormalizedEmail == normalizedEmail && i.AcceptedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);
            db.OrganisationInvitations.Add(invitation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return Outcome<InvitationDto>.Refused(Failure.Conflict(localizer["{0} was invited by someone else at the same moment. Reload the page to see the invitation.", email!]));
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var context = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new
            {
                AuthorityName = o.Authority.Name,
                InviterName = db.Users.Where(u => u.Id == inviterId).Select(u => u.DisplayName == "" ? u.Email : u.DisplayName).FirstOrDefault(),
                InviteeLanguage = db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => u.PreferredLanguage).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        await emails.InvitationAsync(email!, context.InviteeLanguage, context.AuthorityName, role, context.InviterName ?? "", token, invitation.ExpiresAt, cancellationToken);
        return Outcome<InvitationDto>.Success(new InvitationDto(invitation.Id, invitation.Email, role, invitation.CreatedAt, invitation.ExpiresAt));
    }

    public async Task<Outcome<InvitationDto>> RevokeAsync(ClaimsPrincipal user, Guid organisationId, Guid invitationId, CancellationToken cancellationToken)
    {
        if (await access.RequireAsync(user, organisationId, OrganisationRole.Admin, cancellationToken) is { } denied)
            return Outcome<InvitationDto>.Refused(denied);
        var invitation = await db.OrganisationInvitations.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == organisationId, cancellationToken);
        if (invitation is null)
            return Outcome<InvitationDto>.Refused(Failure.NotFound(localizer["This organisation has no invitation with this id."]));
        var revoked = await db.OrganisationInvitations
            .Where(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, time.GetUtcNow()), cancellationToken);
        if (revoked == 0)
            return Outcome<InvitationDto>.Refused(Failure.Conflict(localizer["This invitation is already accepted or revoked."]));
        return Outcome<InvitationDto>.Success(new InvitationDto(invitation.Id, invitation.Email, invitation.Role, invitation.CreatedAt, invitation.ExpiresAt));
    }

    /// <summary>What the invitation link leads to, if the signed-in person can accept it.</summary>
    public async Task<Outcome<InvitationPreviewDto>> PreviewAsync(ClaimsPrincipal user, string? token, CancellationToken cancellationToken)
    {
        var (invitation, refusal) = await FindAcceptableAsync(user, token, cancellationToken);
        if (refusal is not null) return Outcome<InvitationPreviewDto>.Refused(refusal);
        return Outcome<InvitationPreviewDto>.Success(new InvitationPreviewDto(invitation!.OrganisationId, invitation.Organisation.Authority.Name, invitation.Role, invitation.ExpiresAt));
    }

    public async Task<Outcome<AcceptedInvitationDto>> AcceptAsync(ClaimsPrincipal user, string? token, CancellationToken cancellationToken)
    {
        var (invitation, refusal) = await FindAcceptableAsync(user, token, cancellationToken);
        if (refusal is not null) return Outcome<AcceptedInvitationDto>.Refused(refusal);

        var userId = OrganisationAccess.UserIdOf(user)!;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.OrganisationInvitations
            .Where(i => i.Id == invitation!.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedById, userId), cancellationToken);
        if (taken == 0) return Outcome<AcceptedInvitationDto>.Refused(Used());
        db.OrganisationMemberships.Add(new OrganisationMembership
        {
            OrganisationId = invitation!.OrganisationId,
            UserId = userId,
            Role = invitation.Role,
            JoinedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Outcome<AcceptedInvitationDto>.Refused(AlreadyMember(invitation.Organisation.Authority.Name));
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome<AcceptedInvitationDto>.Success(new AcceptedInvitationDto(invitation.OrganisationId, invitation.Role));
    }

    private async Task<(OrganisationInvitation? Invitation, Failure? Refusal)> FindAcceptableAsync(ClaimsPrincipal user, string? token,
        CancellationToken cancellationToken)
    {
        var cleanToken = OrganisationInput.Clean(token);
        if (cleanToken is null)
            return (null, Failure.Invalid("token", localizer["Send the token from the invitation link (the part after /organisations/invitations/)."]));
        var hash = HashToken(cleanToken);
        var invitation = await db.OrganisationInvitations.AsNoTracking().Include(i => i.Organisation).ThenInclude(o => o.Authority)
            .FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
            return (null, Failure.NotFound(localizer["This invitation link is not valid. Check that you opened the whole link from the email."]));
        if (invitation.AcceptedAt is not null) return (null, Used());
        if (invitation.RevokedAt is not null)
            return (null, Failure.Conflict(localizer["This invitation was withdrawn or replaced by a newer one. Use the link in the most recent email, or ask the organisation's admin to invite you again."]));
        if (invitation.ExpiresAt <= time.GetUtcNow())
            return (null, Failure.Conflict(localizer["This invitation expired on {0:d}. Ask the organisation's admin to invite you again.", invitation.ExpiresAt.UtcDateTime]));

        var userId = OrganisationAccess.UserIdOf(user);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (account?.Email is null || OrganisationInput.NormalizeEmail(account.Email) != invitation.NormalizedEmail)
            return (null, Failure.Forbidden(localizer["This invitation was sent to another email address. Sign out, then sign in with the account of the address that received it."]));
        if (await db.OrganisationMemberships.AnyAsync(m => m.OrganisationId == invitation.OrganisationId && m.UserId == userId, cancellationToken))
            return (null, AlreadyMember(invitation.Organisation.Authority.Name));
        return (invitation, null);
    }

    private Failure Used() => Failure.Conflict(localizer["This invitation has already been used. Each invitation can be accepted once."]);

    private Failure AlreadyMember(string authorityName) => Failure.Conflict(localizer["You are already a member of the organisation of {0}.", authorityName]);
}

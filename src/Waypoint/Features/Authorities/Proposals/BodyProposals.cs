using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities.Proposals;

/// <summary>What a person proposes, as typed: every field is checked by <see cref="BodyProposals.ProposeAsync"/>.</summary>
internal sealed record ProposalInput(string? Name, string? Kind, string? Country, int? ParentId);

/// <summary>A proposed (or decided) other public body, as admins review it.</summary>
internal sealed record ProposalView(
    int Id,
    string Name,
    OtherBodyKind Kind,
    string Country,
    int? ParentId,
    string? ParentName,
    AuthorityStatus Status,
    DateTimeOffset? ProposedAt,
    string? ProposedById,
    string? ProposedByEmail);

/// <summary>The result of a proposal: the stored body, or errors by field, or a conflict with an existing body.</summary>
internal sealed record ProposalOutcome(ProposalView? Proposal, Dictionary<string, string[]> Errors, string? Conflict);

internal enum DecisionOutcome
{
    Done,
    NotFound,
    AlreadyDecided,
}

/// <summary>
/// Other public bodies (inter-municipal associations, agencies, metropolitan areas…) are not in the reference data:
/// signed-in people propose them and platform admins approve or reject them. Only approved bodies are listed.
/// </summary>
internal sealed class BodyProposals(WaypointDbContext db, Countries countries, IStringLocalizer<Program> localizer, TimeProvider time)
{
    /// <summary>Enough for any honest use; stops one account from flooding the admins' queue.</summary>
    public const int MaxPendingPerPerson = 20;

    public async Task<ProposalOutcome> ProposeAsync(ProposalInput input, string userId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = (input.Name ?? "").Trim().Normalize(NormalizationForm.FormC);
        var folded = SearchText.Fold(name);
        if (name.Length == 0 || folded.Length == 0)
        {
            errors["name"] = [localizer["Enter the name of the body, with at least one letter or digit."].Value];
        }
        else if (name.Length > Authority.NameMaxLength)
        {
            errors["name"] = [localizer["The name can be at most {0} characters long.", Authority.NameMaxLength].Value];
        }
        else if (name.Any(char.IsControl))
        {
            errors["name"] = [localizer["The name cannot contain line breaks, tabs or other control characters."].Value];
        }

        if (!ApiNames.TryParse<OtherBodyKind>(input.Kind, out var kind))
        {
            errors["kind"] = [localizer["Choose what kind of body it is: one of {0}.", string.Join(", ", ApiNames.All<OtherBodyKind>())].Value];
        }

        var country = countries.Find(input.Country);
        if (country is null)
        {
            errors["country"] = [localizer["Choose the EU member state the body belongs to (a code such as DE, FR or EL)."].Value];
        }

        string? parentName = null;
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Authorities.AsNoTracking()
                .Where(a => a.Id == parentId && a.Status == AuthorityStatus.Active)
                .Select(a => new { a.Name, a.CountryCode })
                .FirstOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                errors["parentId"] = [localizer["There is no authority number {0} in the directory. Leave the parent empty or use the number shown on the authority's page.", parentId].Value];
            }
            else if (country is not null && parent.CountryCode != country.Code)
            {
                errors["parentId"] = [localizer["The parent authority is in another country than the body. Choose a parent in the same country, or none."].Value];
            }
            parentName = parent?.Name;
        }
        if (errors.Count > 0) return new ProposalOutcome(null, errors, null);

        var duplicate = await db.Authorities.AsNoTracking()
            .Where(a => a.SearchName == folded && a.CountryCode == country!.Code
                && (a.Status == AuthorityStatus.Active || a.Status == AuthorityStatus.Proposed))
            .Select(a => new { a.Name, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (duplicate is not null)
        {
            var message = duplicate.Status == AuthorityStatus.Active
                ? localizer["“{0}” is already in the directory for {1}. Search for it instead of proposing it again.", duplicate.Name, country!.NameIn(CultureInfo.CurrentUICulture)]
                : localizer["“{0}” has already been proposed for {1} and is waiting for review.", duplicate.Name, country!.NameIn(CultureInfo.CurrentUICulture)];
            return new ProposalOutcome(null, errors, message.Value);
        }

        var pending = await db.Authorities.CountAsync(a => a.ProposedById == userId && a.Status == AuthorityStatus.Proposed, cancellationToken);
        if (pending >= MaxPendingPerPerson)
        {
            return new ProposalOutcome(null, errors,
                localizer["You already have {0} proposals waiting for review. Propose more once they have been reviewed.", pending].Value);
        }

        var body = new Authority
        {
            Code = "OPB-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            Type = AuthorityType.OtherPublicBody,
            Name = name,
            SearchName = folded,
            CountryCode = country!.Code,
            ParentId = input.ParentId,
            Status = AuthorityStatus.Proposed,
            OtherBodyKind = kind,
            ProposedById = userId,
            ProposedAt = time.GetUtcNow(),
        };
        db.Authorities.Add(body);
        await db.SaveChangesAsync(cancellationToken);
        return new ProposalOutcome(ToView(body, parentName, null), errors, null);
    }

    /// <summary>Proposals waiting for a decision, oldest first.</summary>
    public Task<List<ProposalView>> PendingAsync(CancellationToken cancellationToken) =>
        QueryAsync(a => a.Status == AuthorityStatus.Proposed, cancellationToken);

    public async Task<ProposalView?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await QueryAsync(a => a.Id == id, cancellationToken)).SingleOrDefault();

    public Task<DecisionOutcome> ApproveAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, AuthorityStatus.Active, cancellationToken);

    public Task<DecisionOutcome> RejectAsync(int id, CancellationToken cancellationToken) => DecideAsync(id, AuthorityStatus.Rejected, cancellationToken);

    /// <summary>Moves a proposal out of Proposed in one conditional UPDATE, so that two admins deciding at once
    /// cannot both succeed.</summary>
    private async Task<DecisionOutcome> DecideAsync(int id, AuthorityStatus decision, CancellationToken cancellationToken)
    {
        var changed = await db.Authorities
            .Where(a => a.Id == id && a.Type == AuthorityType.OtherPublicBody && a.Status == AuthorityStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, decision), cancellationToken);
        if (changed == 1) return DecisionOutcome.Done;
        var exists = await db.Authorities.AnyAsync(a => a.Id == id && a.Type == AuthorityType.OtherPublicBody, cancellationToken);
        return exists ? DecisionOutcome.AlreadyDecided : DecisionOutcome.NotFound;
    }

    private async Task<List<ProposalView>> QueryAsync(Expression<Func<Authority, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await (
                from body in db.Authorities.AsNoTracking().Where(a => a.Type == AuthorityType.OtherPublicBody).Where(filter)
                join user in db.Users on body.ProposedById equals user.Id into users
                from user in users.DefaultIfEmpty()
                orderby body.Id
                select new { Body = body, ParentName = body.Parent != null ? body.Parent.Name : null, Email = user != null ? user.Email : null })
            .Take(500)
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToView(r.Body, r.ParentName, r.Email)).ToList();
    }

    private static ProposalView ToView(Authority body, string? parentName, string? email) =>
        new(body.Id, body.Name, body.OtherBodyKind ?? OtherBodyKind.Other, body.CountryCode, body.ParentId, parentName, body.Status,
            body.ProposedAt, body.ProposedById, email);
}

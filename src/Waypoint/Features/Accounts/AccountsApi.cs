using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Api;
using Waypoint.Infrastructure.Problems;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Accounts;

/// <summary>The body of <c>POST /api/v1/auth/register</c>. Missing fields are reported with the others.</summary>
internal sealed record RegisterRequestBody(string? Email, string? Password, string? DisplayName, string? PreferredLanguage);

internal sealed record UserDto(string Id, string Email, string DisplayName, bool EmailConfirmed, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil)
{
    public static UserDto From(UserSummary u) => new(u.Id, u.Email, u.DisplayName, u.EmailConfirmed, u.Roles, u.LockedOutUntil);
}

internal sealed record SetRolesBody(IReadOnlyList<string>? Roles);

internal static class AccountsApi
{
    public static void MapAccountsApi(this WebApplication app)
    {
        // Identity's own register endpoint takes only email and password, and a missing or oversized field fails
        // without saying which. Ours answers on the same route first (lower order wins), and Identity's is hidden.
        app.MapApiV1("/auth", "Accounts").MapPost("/register", Register)
            .WithOrder(-1)
            .WithName("Register")
            .WithSummary("Opens an account and emails a confirmation link.")
            .WithDescription("displayName defaults to the part of the email before '@'; preferredLanguage to the request's language.")
            .AllowAnonymous()
            .RequireRateLimiting(WebRegistration.AuthRateLimit);

        var admin = app.MapApiV1("/admin/users", "Accounts").RequireAuthorization(PlatformRoles.Admin);
        admin.MapGet("/", Search).WithName("SearchUsers").WithSummary("Accounts whose email contains q (at most 50).");
        admin.MapPut("/{id}/roles", SetRoles).WithName("SetUserRoles").WithSummary("Gives the account exactly the platform roles listed.");
    }

    private static async Task<Results<Ok, ValidationProblem>> Register(RegisterRequestBody? body, Registrar registrar, CancellationToken cancellationToken)
    {
        if (body is null) return ProblemResults.Invalid("", "Send a JSON object with email, password and optionally displayName and preferredLanguage.");
        var displayName = string.IsNullOrWhiteSpace(body.DisplayName) && body.Email is { } email && email.Contains('@', StringComparison.Ordinal)
            ? email[..email.IndexOf('@', StringComparison.Ordinal)]
            : body.DisplayName;
        var result = await registrar.RegisterAsync(new RegistrationInput(body.Email, displayName, body.Password, body.PreferredLanguage), cancellationToken);
        return result.Succeeded ? TypedResults.Ok() : ProblemResults.Invalid(result.Errors.ToDictionary(e => e.Key, e => e.Value));
    }

    private static async Task<Results<Ok<IReadOnlyList<UserDto>>, ValidationProblem>> Search(string? q, UserAdministration administration, CancellationToken cancellationToken)
    {
        if (q is { Length: > UserAdministration.MaxQueryLength })
            return ProblemResults.Invalid("q", $"The search text must have at most {UserAdministration.MaxQueryLength} characters.");
        var users = await administration.SearchAsync(q, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UserDto>>(users.Select(UserDto.From).ToList());
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> SetRoles(string id, [FromBody] SetRolesBody? body,
        ClaimsPrincipal principal, UserAdministration administration, CancellationToken cancellationToken)
    {
        if (body?.Roles is null)
            return ProblemResults.Invalid("roles", $"Send {{\"roles\": [...]}} with any of: {string.Join(", ", PlatformRoles.All)} (an empty list removes all).");
        var actingUserId = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
        return await administration.SetRolesAsync(actingUserId, id, body.Roles) switch
        {
            RoleChange.UnknownRole => ProblemResults.Invalid("roles",
                $"Unknown role in [{string.Join(", ", body.Roles)}]. Platform roles are: {string.Join(", ", PlatformRoles.All)}."),
            RoleChange.UnknownUser => ProblemResults.NotFound($"There is no account with id '{id}'."),
            RoleChange.OwnAdminRole => ProblemResults.Conflict("You cannot remove your own admin role. Ask another admin to do it."),
            _ => TypedResults.Ok(UserDto.From((await administration.FindAsync(id, cancellationToken))!)),
        };
    }
}

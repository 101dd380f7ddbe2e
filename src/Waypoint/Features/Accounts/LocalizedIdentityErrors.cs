using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Accounts;

/// <summary>Identity's messages (password rules, duplicates, bad tokens) through the translation catalogue, so that
/// pages and API answers read in the person's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<Program> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = localizer["The password must have at least {0} characters.", length] };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = localizer["The password must contain at least one digit (0-9)."] };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = localizer["The password must contain at least one lower-case letter (a-z)."] };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = localizer["The password must contain at least one upper-case letter (A-Z)."] };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = localizer["The password must contain at least one character that is not a letter or a digit."] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = localizer["The password must use at least {0} different characters.", uniqueChars] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = localizer["The current password is not right."] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = localizer["An account with this email address already exists. Sign in, or reset its password."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = localizer["An account with this email address already exists. Sign in, or reset its password."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = localizer["Enter an email address like name@example.eu."] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = localizer["Enter an email address like name@example.eu."] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = localizer["The link or code is not valid, or has expired. Ask for a new one."] };
}

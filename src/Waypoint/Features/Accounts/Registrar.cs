using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Accounts;

/// <summary>What a person gives to open an account. Every field may be missing: the registrar says what to fix.</summary>
internal sealed record RegistrationInput(string? Email, string? DisplayName, string? Password, string? PreferredLanguage);

/// <summary>The outcome of a registration: the new account, or the problems keyed by field
/// (<see cref="AccountFields"/>; an empty key is about the request as a whole).</summary>
internal sealed record RegistrationResult(WaypointUser? User, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Names of the fields of account forms and requests, as the API spells them.</summary>
internal static class AccountFields
{
    public const string Email = "email";
    public const string DisplayName = "displayName";
    public const string Password = "password";
    public const string PreferredLanguage = "preferredLanguage";

    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 100;
    public const int PasswordMaxLength = 200;

    /// <summary>Which field an Identity error is about.</summary>
    public static string Of(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => Password,
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => Email,
        _ => "",
    };
}

/// <summary>Opens accounts (for the register page and the API alike) and sends the confirmation email.</summary>
internal sealed class Registrar(UserManager<WaypointUser> users, IEmailSender<WaypointUser> emails, IStringLocalizer<Program> localizer,
    Languages languages, TimeProvider clock)
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public async Task<RegistrationResult> RegisterAsync(RegistrationInput input, CancellationToken cancellationToken)
    {
        var (user, password, errors) = await CheckAsync(input);
        if (errors.Count > 0) return Failed(errors);

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            // Two registrations with the same address at once: the unique index stopped the second one.
            if (await users.FindByEmailAsync(user.Email!) is null) throw;
            created = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(user.Email!));
        }
        if (!created.Succeeded)
        {
            return new RegistrationResult(null, created.Errors.GroupBy(AccountFields.Of)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        await SendConfirmationAsync(user);
        return new RegistrationResult(user, new Dictionary<string, string[]>());
    }

    /// <summary>What is wrong with the input, without creating anything.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(RegistrationInput input) =>
        Failed((await CheckAsync(input)).Errors).Errors;

    private async Task<(WaypointUser User, string Password, Dictionary<string, List<string>> Errors)> CheckAsync(RegistrationInput input)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0) Add(AccountFields.Email, localizer["Enter your email address."]);
        else if (email.Length > AccountFields.EmailMaxLength) Add(AccountFields.Email, localizer["The email address must have at most {0} characters.", AccountFields.EmailMaxLength]);
        else if (!EmailFormat.IsValid(email)) Add(AccountFields.Email, localizer["Enter an email address like name@example.eu."]);

        var displayName = input.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) Add(AccountFields.DisplayName, localizer["Enter the name colleagues know you by."]);
        else if (displayName.Length > AccountFields.DisplayNameMaxLength) Add(AccountFields.DisplayName, localizer["The name must have at most {0} characters.", AccountFields.DisplayNameMaxLength]);

        var password = input.Password ?? "";
        if (password.Length == 0) Add(AccountFields.Password, localizer["Enter a password."]);
        else if (password.Length > AccountFields.PasswordMaxLength) Add(AccountFields.Password, localizer["The password must have at most {0} characters.", AccountFields.PasswordMaxLength]);

        var language = string.IsNullOrWhiteSpace(input.PreferredLanguage) ? CurrentLanguage() : input.PreferredLanguage.Trim().ToLowerInvariant();
        if (!languages.IsSupported(language)) Add(AccountFields.PreferredLanguage, localizer["Choose one of the 24 official EU languages, by its two-letter code (for example 'de')."]);

        var user = new WaypointUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            PreferredLanguage = language,
            CreatedAt = clock.GetUtcNow(),
        };
        if (password.Length is > 0 and <= AccountFields.PasswordMaxLength)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                foreach (var error in result.Errors) Add(AccountFields.Password, error.Description);
            }
        }
        if (!errors.ContainsKey(AccountFields.Email) && await users.FindByEmailAsync(email) is not null)
            Add(AccountFields.Email, users.ErrorDescriber.DuplicateEmail(email).Description);
        return (user, password, errors);
    }

    /// <summary>Sends (again) the link that confirms the account's email address.</summary>
    public async Task SendConfirmationAsync(WaypointUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = QueryHelpers.AddQueryString("/accounts/confirm-email", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code });
        await emails.SendConfirmationLinkAsync(user, user.Email!, link);
    }

    private string CurrentLanguage()
    {
        var current = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return languages.IsSupported(current) ? current : Languages.Default;
    }

    private static RegistrationResult Failed(Dictionary<string, List<string>> errors) =>
        new(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

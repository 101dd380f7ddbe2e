using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Email;
using Waypoint.Infrastructure.Localization;
using Waypoint.Infrastructure.Web;
using WaypointEmailSender = Waypoint.Infrastructure.Email.IEmailSender;

namespace Waypoint.Features.Accounts;

/// <summary>The emails Identity sends (from the API endpoints and from the account pages), in the reader's
/// preferred language, with links to Waypoint's own pages rather than to the JSON API.</summary>
internal sealed class AccountEmailSender(WaypointEmailSender email, IStringLocalizer<Program> localizer, PublicUrls urls, Languages languages)
    : IEmailSender<WaypointUser>
{
    public Task SendConfirmationLinkAsync(WaypointUser user, string email, string confirmationLink)
    {
        var link = ConfirmationPageLink(confirmationLink);
        var message = InLanguageOf(user, () => Compose(email,
            subject: localizer["Confirm your email address for Waypoint"],
            greeting: Greeting(user),
            paragraphs: [localizer["Someone, probably you, created a Waypoint account with this email address. Open the link below to confirm it."]],
            link: link, linkText: localizer["Confirm my email address"],
            footer: localizer["If you did not create an account, ignore this email: nothing happens without the confirmation."]));
        return Send(message);
    }

    public Task SendPasswordResetLinkAsync(WaypointUser user, string email, string resetLink)
    {
        var message = InLanguageOf(user, () => Compose(email,
            subject: localizer["Reset your Waypoint password"],
            greeting: Greeting(user),
            paragraphs: [localizer["Someone, probably you, asked to reset the password of your Waypoint account. Open the link below to choose a new password. The link works once, for one day."]],
            link: Uri.TryCreate(WebUtility.HtmlDecode(resetLink), UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
                ? absolute
                : urls.Absolute(WebUtility.HtmlDecode(resetLink)),
            linkText: localizer["Choose a new password"],
            footer: localizer["If you did not ask for this, ignore this email: your password stays as it is."]));
        return Send(message);
    }

    public Task SendPasswordResetCodeAsync(WaypointUser user, string email, string resetCode)
    {
        var link = urls.Absolute($"/accounts/reset-password?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(resetCode)}");
        var message = InLanguageOf(user, () => Compose(email,
            subject: localizer["Reset your Waypoint password"],
            greeting: Greeting(user),
            paragraphs:
            [
                localizer["Someone, probably you, asked to reset the password of your Waypoint account. Open the link below to choose a new password. The link works once, for one day."],
            ],
            link: link, linkText: localizer["Choose a new password"],
            footer: localizer["If you did not ask for this, ignore this email: your password stays as it is."],
            code: (localizer["Scripts that use the API send this reset code to /api/v1/auth/resetPassword:"], resetCode)));
        return Send(message);
    }

    /// <summary>The API's own link points at its JSON endpoint; people get the page with the same token instead.
    /// Identity's API hands links over HTML-encoded ("&amp;amp;" between parameters).</summary>
    private Uri ConfirmationPageLink(string confirmationLink)
    {
        var link = WebUtility.HtmlDecode(confirmationLink);
        var queryStart = link.IndexOf('?', StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(queryStart < 0 ? "" : link[queryStart..]);
        if (!query.TryGetValue("userId", out var userId) || !query.TryGetValue("code", out var code))
            throw new ArgumentException("A confirmation link needs userId and code parameters.", nameof(confirmationLink));
        var parameters = new Dictionary<string, string?> { ["userId"] = userId.ToString(), ["code"] = code.ToString() };
        if (query.TryGetValue("changedEmail", out var changedEmail)) parameters["changedEmail"] = changedEmail.ToString();
        return urls.Absolute(QueryHelpers.AddQueryString("/accounts/confirm-email", parameters));
    }

    private Task Send(EmailMessage message) => email.SendAsync(message);

    private string Greeting(WaypointUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? localizer["Hello,"] : localizer["Hello {0},", user.DisplayName];

    /// <summary>Composes in the user's language, whatever the language of the request that triggered the email.</summary>
    private EmailMessage InLanguageOf(WaypointUser user, Func<EmailMessage> compose)
    {
        var previous = CultureInfo.CurrentUICulture;
        var language = languages.Find(user.PreferredLanguage) ?? languages.Find(Languages.Default);
        try
        {
            if (language is not null) CultureInfo.CurrentUICulture = language.Culture;
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static EmailMessage Compose(string to, string subject, string greeting, IReadOnlyList<string> paragraphs, Uri link, string linkText,
        string footer, (string Label, string Value)? code = null)
    {
        var text = new System.Text.StringBuilder();
        text.Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs) text.Append(paragraph).Append("\n\n");
        text.Append(link.AbsoluteUri).Append("\n\n");
        if (code is { } c) text.Append(c.Label).Append('\n').Append(c.Value).Append("\n\n");
        text.Append(footer).Append("\n\n— Waypoint\n");

        var html = HtmlEncoder.Default;
        var body = new System.Text.StringBuilder();
        body.Append("<!DOCTYPE html><html lang=\"").Append(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Append("\"><body>");
        body.Append("<p>").Append(html.Encode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs) body.Append("<p>").Append(html.Encode(paragraph)).Append("</p>");
        body.Append("<p><a href=\"").Append(html.Encode(link.AbsoluteUri)).Append("\">").Append(html.Encode(linkText)).Append("</a></p>");
        if (code is { } h) body.Append("<p>").Append(html.Encode(h.Label)).Append("<br><code>").Append(html.Encode(h.Value)).Append("</code></p>");
        body.Append("<p>").Append(html.Encode(footer)).Append("</p><p>— Waypoint</p></body></html>");

        return new EmailMessage(to, subject, text.ToString(), body.ToString());
    }
}

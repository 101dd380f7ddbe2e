using System.Globalization;
using Microsoft.Extensions.Localization;
using Waypoint.Data.Organisations;
using Waypoint.Infrastructure.Email;
using Waypoint.Infrastructure.Localization;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Organisations;

/// <summary>The emails of the organisations feature, written in the recipient's language where it is known.
/// A failure to send is logged, not thrown: the decision or invitation is already stored, and the person
/// also sees it on Waypoint (an invitation can be sent again).</summary>
internal sealed partial class OrganisationEmails(IEmailSender sender, IStringLocalizer<Program> localizer,
    PublicUrls urls, Languages languages, ILogger<OrganisationEmails> logger)
{
    public Task ClaimApprovedAsync(string to, string? language, string authorityName, Guid organisationId, CancellationToken cancellationToken) =>
        SendAsync(to, language, () => new EmailMessage(to,
            localizer["Your claim for {0} is approved", authorityName],
            localizer["Your claim to speak for {0} on Waypoint is approved. You are the admin of its organisation: invite your colleagues and start the assessment at {1}", authorityName, Link($"/organisations/{organisationId}")]),
            cancellationToken);

    public Task ClaimRejectedAsync(string to, string? language, string authorityName, string reason, CancellationToken cancellationToken) =>
        SendAsync(to, language, () => new EmailMessage(to,
            localizer["Your claim for {0} was not approved", authorityName],
            localizer["Your claim to speak for {0} on Waypoint was not approved, for this reason:\n\n{1}\n\nYou can see your claims at {2}", authorityName, reason, Link("/organisations")]),
            cancellationToken);

    public Task InvitationAsync(string to, string? language, string authorityName, OrganisationRole role, string inviterName,
        string token, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SendAsync(to, language, () => new EmailMessage(to,
            localizer["You are invited to join {0} on Waypoint", authorityName],
            localizer["{0} invites you to join the organisation of {1} on Waypoint as {2}.\n\nOpen this link to accept (sign in or create an account with this email address first): {3}\n\nThe invitation expires on {4:d}.",
                inviterName, authorityName, OrganisationLabels.Role(role, localizer), Link($"/organisations/invitations/{token}"), expiresAt.UtcDateTime]),
            cancellationToken);

    private string Link(string path) => urls.Absolute(path).AbsoluteUri;

    private async Task SendAsync(string to, string? language, Func<EmailMessage> compose, CancellationToken cancellationToken)
    {
        EmailMessage message;
        var uiCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        try
        {
            if (languages.Find(language) is { } known)
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = known.Culture;
            }
            message = compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
            CultureInfo.CurrentCulture = culture;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException
            or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            LogSendFailed(e, to, message.Subject);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the email \"{Subject}\" to {To}.")]
    private partial void LogSendFailed(Exception exception, string to, string subject);
}

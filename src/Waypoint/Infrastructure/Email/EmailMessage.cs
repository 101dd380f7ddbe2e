namespace Waypoint.Infrastructure.Email;

/// <summary>An email ready to send. The text body is always there; the HTML body is optional.</summary>
internal sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends email: to an SMTP server when <c>Email:Smtp:Host</c> is set, otherwise to files in
/// <c>Email:PickupDirectory</c> (and the log), which is what Development and the tests use.</summary>
internal interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

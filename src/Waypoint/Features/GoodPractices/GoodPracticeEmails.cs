using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waypoint.Data;
using Waypoint.Data.Organisations;
using Waypoint.Infrastructure.Email;
using Waypoint.Infrastructure.Localization;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.GoodPractices;

/// <summary>Tells an organisation's admins what the editors decided about a good practice it shared, each in their own
/// language. A failure to send is logged, not thrown: the decision is stored and shown on the organisation's page.</summary>
internal sealed partial class GoodPracticeEmails(WaypointDbContext db, IEmailSender sender, IStringLocalizer<Program> localizer,
    PublicUrls urls, Languages languages, ILogger<GoodPracticeEmails> logger)
{
    public Task ApprovedAsync(Guid organisationId, Guid practiceId, string title, CancellationToken cancellationToken) =>
        SendToAdminsAsync(organisationId, () => (
            localizer["Your good practice \"{0}\" is in the library", title],
            localizer["An editor approved the good practice \"{0}\" that your organisation shared. Everyone can now read it, with your authority's name, at {1}", title, Link($"/good-practices/{practiceId}")]),
            cancellationToken);

    public Task RejectedAsync(Guid organisationId, string title, string reason, CancellationToken cancellationToken) =>
        SendToAdminsAsync(organisationId, () => (
            localizer["Your good practice \"{0}\" was not published", title],
            localizer["An editor did not publish the good practice \"{0}\" that your organisation shared, for this reason:\n\n{1}\n\nYou can correct it and share it again at {2}", title, reason, Link($"/organisations/{organisationId}/good-practices")]),
            cancellationToken);

    public Task UnpublishedAsync(Guid organisationId, string title, string reason, CancellationToken cancellationToken) =>
        SendToAdminsAsync(organisationId, () => (
            localizer["Your good practice \"{0}\" was taken out of the library", title],
            localizer["An editor took the good practice \"{0}\" that your organisation shared out of the library, for this reason:\n\n{1}\n\nYou can correct it and share it again at {2}", title, reason, Link($"/organisations/{organisationId}/good-practices")]),
            cancellationToken);

    private string Link(string path) => urls.Absolute(path).AbsoluteUri;

    private async Task SendToAdminsAsync(Guid organisationId, Func<(string Subject, string Body)> compose, CancellationToken cancellationToken)
    {
        var admins = await db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Role == OrganisationRole.Admin && m.User.Email != null)
            .Select(m => new { Email = m.User.Email!, m.User.PreferredLanguage })
            .ToListAsync(cancellationToken);
        foreach (var admin in admins)
        {
            await SendAsync(admin.Email, admin.PreferredLanguage, compose, cancellationToken);
        }
    }

    /// <summary>Composes the message in <paramref name="language"/> and sends it.</summary>
    internal async Task SendAsync(string to, string? language, Func<(string Subject, string Body)> compose, CancellationToken cancellationToken)
    {
        EmailMessage message;
        var uiCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        try
        {
            if (languages.Find(language) is { } known) CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = known.Culture;
            var (subject, body) = compose();
            message = new EmailMessage(to, subject, body);
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

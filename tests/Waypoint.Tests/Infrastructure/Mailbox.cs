using System.Text.RegularExpressions;
using MimeKit;

namespace Waypoint.Tests.Infrastructure;

/// <summary>Reads the emails the application wrote to the factory's pickup folder (<see cref="WaypointFactory.MailDirectory"/>).</summary>
public static partial class Mailbox
{
    /// <summary>Every email sent to <paramref name="to"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(this WaypointFactory factory, string to)
    {
        if (!Directory.Exists(factory.MailDirectory)) return [];
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(factory.MailDirectory, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))) messages.Add(message);
        }
        return messages;
    }

    /// <summary>The last email sent to <paramref name="to"/>; fails when there is none.</summary>
    public static async Task<MimeMessage> LastMessageToAsync(this WaypointFactory factory, string to) =>
        (await factory.MessagesToAsync(to)).LastOrDefault() ?? throw new InvalidOperationException($"No email to {to} in {factory.MailDirectory}.");

    /// <summary>The first link in the text body whose path starts with <paramref name="path"/>.</summary>
    public static Uri LinkTo(this MimeMessage message, string path) =>
        Links().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.AbsolutePath.StartsWith(path, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link to {path} in the email \"{message.Subject}\":\n{message.TextBody}");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

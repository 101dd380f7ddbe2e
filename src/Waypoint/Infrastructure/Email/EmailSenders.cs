using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Waypoint.Infrastructure.Email;

internal static class MimeMessages
{
    public static MimeMessage From(EmailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each email to a file in the pickup directory and logs it: nothing leaves the machine.</summary>
internal sealed partial class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment,
    ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        using var mime = MimeMessages.From(message, options.Value.From);
        await mime.WriteToAsync(file, cancellationToken);
        LogWritten(message.To, message.Subject, file, message.TextBody);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To} \"{Subject}\" written to {File}:\n{Body}")]
    private partial void LogWritten(string to, string subject, string file, string body);
}

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mime = MimeMessages.From(message, settings.From);
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), settings.Smtp.Port,
            settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

internal static class EmailRegistration
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var smtpHost = builder.Configuration[$"{EmailOptions.Section}:Smtp:Host"];
        if (string.IsNullOrWhiteSpace(smtpHost))
            builder.Services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        else
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return builder;
    }
}

using System.ComponentModel.DataAnnotations;

namespace Waypoint.Infrastructure.Email;

internal sealed class EmailOptions
{
    public const string Section = "Email";

    [Required]
    public string From { get; set; } = "Waypoint <no-reply@waypoint.local>";

    /// <summary>Where emails are written as .eml files when no SMTP server is configured.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        [Range(1, 65535)]
        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        /// <summary>Set through an environment variable or a secret store, never in a committed file.</summary>
        public string? Password { get; set; }

        public bool UseStartTls { get; set; } = true;
    }
}

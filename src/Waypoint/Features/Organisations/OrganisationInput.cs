using System.Net.Mail;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

/// <summary>Limits and parsing of what people type, shared by the API and the pages so that both refuse the same things.</summary>
internal static class OrganisationInput
{
    public const int JobTitleMaxLength = 100;
    public const int JustificationMaxLength = 1000;
    public const int ReasonMaxLength = 500;
    public const int EmailMaxLength = 256;

    /// <summary>Trimmed text, or null when nothing but spaces was sent.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Reads an enum member by its name, ignoring case. Numbers and combinations are refused: the API speaks names.</summary>
    public static bool TryParseName<TEnum>(string? value, out TEnum result) where TEnum : struct, Enum
    {
        result = default;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                result = Enum.Parse<TEnum>(name);
                return true;
            }
        }
        return false;
    }

    public static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    /// <summary>The sub-groups set in <paramref name="groups"/>, one by one, in their defined order.</summary>
    public static IReadOnlyList<SubGroups> SubGroupList(SubGroups groups) =>
        [.. Enum.GetValues<SubGroups>().Where(g => g != SubGroups.None && groups.HasFlag(g))];

    /// <summary>A single plain address such as <c>name@town.eu</c>: no display name, no list, no spaces.</summary>
    public static bool IsEmail(string value) =>
        value.Length <= EmailMaxLength
        && !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Length > 0;

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();
}

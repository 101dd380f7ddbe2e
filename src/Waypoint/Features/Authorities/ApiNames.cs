using System.Text.Json;
using System.Text.Json.Serialization;
using Waypoint.Data.Authorities;

namespace Waypoint.Features.Authorities;

/// <summary>
/// Enums of the directory travel as camelCase strings ("memberState", "otherPublicBody"), in JSON bodies and in
/// query strings alike; the OpenAPI document lists them as enums.
/// </summary>
internal static class ApiNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of).ToList();

    /// <summary>Reads a camelCase name (any case is accepted); numbers are not.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }
}

/// <summary>Serialises an enum of the directory by its camelCase name (see <see cref="ApiNames"/>).</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

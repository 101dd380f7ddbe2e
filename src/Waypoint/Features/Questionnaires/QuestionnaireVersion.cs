using System.Globalization;

namespace Waypoint.Features.Questionnaires;

/// <summary>
/// Questionnaire versions are numbers separated by dots ("1.0", "1.1", "2.0") and compare part by part as numbers,
/// so "1.10" comes after "1.9"; missing parts count as zero, so "1.0" and "1" are the same version.
/// </summary>
internal static class QuestionnaireVersion
{
    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    public static bool IsValid(string version) => TryParse(version, out _);

    /// <summary>Orders two valid versions; throws for a version that is not numbers separated by dots.</summary>
    public static int Compare(string? left, string? right)
    {
        if (ReferenceEquals(left, right)) return 0;
        if (left is null) return -1;
        if (right is null) return 1;
        var a = Parse(left);
        var b = Parse(right);
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : 0;
            var y = i < b.Length ? b[i] : 0;
            if (x != y) return x.CompareTo(y);
        }
        return 0;
    }

    private static int[] Parse(string version) =>
        TryParse(version, out var parts)
            ? parts
            : throw new ArgumentException($"'{version}' is not a questionnaire version (numbers separated by dots, such as 1.0).", nameof(version));

    private static bool TryParse(string version, out int[] parts)
    {
        parts = [];
        if (string.IsNullOrEmpty(version)) return false;
        var pieces = version.Split('.');
        var numbers = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length is 0 or > 6 || !pieces[i].All(char.IsAsciiDigit)) return false;
            numbers[i] = int.Parse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        parts = numbers;
        return true;
    }
}

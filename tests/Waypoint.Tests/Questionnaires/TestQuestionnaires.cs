using Waypoint.Features.Questionnaires;

namespace Waypoint.Tests.Questionnaires;

/// <summary>
/// The small test questionnaire in TestData/valid/1.0.yaml (general information plus the seven topics; service_design
/// has 4 scored questions, governance 3, every other topic 2), and ways to derive other versions from it.
/// </summary>
internal static class TestQuestionnaires
{
    public static string DataDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Questionnaires", "TestData");

    public static string ValidDirectory { get; } = Path.Combine(DataDirectory, "valid");

    public static string ValidText { get; } = File.ReadAllText(Path.Combine(ValidDirectory, "1.0.yaml"));

    private static readonly Lazy<Questionnaire> LazyValid = new(() => QuestionnaireReader.ReadFile(Path.Combine(ValidDirectory, "1.0.yaml")));

    public static Questionnaire Valid => LazyValid.Value;

    public static string InvalidDirectory(string name) => Path.Combine(DataDirectory, "invalid", name);

    /// <summary>The valid file with the first occurrence of <paramref name="find"/> replaced; fails if it is not there.</summary>
    public static string Mutate(string find, string replace)
    {
        var at = ValidText.IndexOf(find, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"The test questionnaire does not contain '{find}'.", nameof(find));
        return string.Concat(ValidText.AsSpan(0, at), replace, ValidText.AsSpan(at + find.Length));
    }

    /// <summary>The valid file as another version with another status.</summary>
    public static string AsVersion(string version, string status) =>
        ValidText.Replace("version: \"1.0\"", $"version: \"{version}\"", StringComparison.Ordinal)
            .Replace("status: published", $"status: {status}", StringComparison.Ordinal);
}

/// <summary>A folder of questionnaire files made for one test, deleted afterwards.</summary>
internal sealed class ContentDirectory : IDisposable
{
    public ContentDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "waypoint-tests", "questionnaires-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public ContentDirectory With(string fileName, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), text);
        return this;
    }

    public ContentDirectory WithVersion(string version, string status) => With(version + ".yaml", TestQuestionnaires.AsVersion(version, status));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

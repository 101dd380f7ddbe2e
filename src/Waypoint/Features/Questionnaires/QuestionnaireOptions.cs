namespace Waypoint.Features.Questionnaires;

/// <summary>Bound from <c>Questionnaires:</c>.</summary>
internal sealed class QuestionnaireOptions
{
    public const string Section = "Questionnaires";

    /// <summary>
    /// The folder holding one <c>&lt;version&gt;.yaml</c> file per questionnaire version. Empty means the
    /// <c>Content/questionnaire</c> folder beside the application, where the build copies <c>content/questionnaire</c>.
    /// A relative path is taken from the application's folder.
    /// </summary>
    public string? Directory { get; set; }

    public string ResolveDirectory()
    {
        var configured = string.IsNullOrWhiteSpace(Directory) ? Path.Combine("Content", "questionnaire") : Directory;
        return Path.GetFullPath(configured, AppContext.BaseDirectory);
    }
}

using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Waypoint.Features.Questionnaires;

/// <summary>
/// Every questionnaire version found in the content folder, read once at start-up. The current questionnaire, the
/// one new assessments use, is the published one with the highest version; older versions stay findable because
/// assessments answered with them keep referring to them.
/// </summary>
internal sealed class QuestionnaireCatalog
{
    private readonly FrozenDictionary<string, Questionnaire> _byVersion;

    public QuestionnaireCatalog(IEnumerable<Questionnaire> questionnaires)
    {
        All = [.. questionnaires.OrderBy(q => q.Version, QuestionnaireVersion.Comparer)];
        for (var i = 1; i < All.Length; i++)
        {
            if (QuestionnaireVersion.Compare(All[i - 1].Version, All[i].Version) == 0)
                throw new ArgumentException($"Questionnaire versions '{All[i - 1].Version}' and '{All[i].Version}' are the same version.", nameof(questionnaires));
        }
        _byVersion = All.ToFrozenDictionary(q => q.Version, StringComparer.Ordinal);
        Current = All.LastOrDefault(q => q.IsPublished);
    }

    /// <summary>Every version, lowest first, drafts included.</summary>
    public ImmutableArray<Questionnaire> All { get; }

    /// <summary>The published questionnaire with the highest version; null while none is published.</summary>
    public Questionnaire? Current { get; }

    public Questionnaire? Find(string version) => _byVersion.GetValueOrDefault(version);

    /// <summary>
    /// Reads every <c>*.yaml</c> file directly in <paramref name="directory"/>. A missing or empty folder gives an empty
    /// catalog; any invalid file throws <see cref="QuestionnaireContentException"/> listing the problems of all files.
    /// </summary>
    public static QuestionnaireCatalog Load(string directory)
    {
        if (!Directory.Exists(directory)) return new QuestionnaireCatalog([]);

        var errors = new List<string>();
        var questionnaires = new List<Questionnaire>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (QuestionnaireReader.ReadFile(path, errors) is { } questionnaire) questionnaires.Add(questionnaire);
        }

        var sorted = questionnaires.OrderBy(q => q.Version, QuestionnaireVersion.Comparer).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            // Each file is named after its version, so two files can only clash as numbers ("1.0" and "1.00").
            if (QuestionnaireVersion.Compare(sorted[i - 1].Version, sorted[i].Version) == 0)
                errors.Add($"{sorted[i - 1].Version}.yaml and {sorted[i].Version}.yaml hold the same version; keep one of them.");
        }

        return errors.Count == 0 ? new QuestionnaireCatalog(questionnaires) : throw new QuestionnaireContentException(errors);
    }
}

using System.Globalization;
using System.Text;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Benchmarks;

/// <summary>One target an organisation set: the score (0–100) it aims for in a topic.</summary>
internal sealed record OwnTarget(string TopicKey, int Target, DateTimeOffset UpdatedAt);

/// <summary>What an organisation's own benchmark needs besides the snapshot, read once per request.</summary>
/// <param name="Role">The reader's role in the organisation; null for a platform admin who is not a member.</param>
internal sealed record OwnContext(Guid OrganisationId, string Name, bool ResultsPublished, OrganisationRole? Role, IReadOnlyList<OwnTarget> Targets,
    bool IsSynthetic = false)
{
    /// <summary>Identifies what the own benchmark shows: the snapshot's state, the publication choice, the targets and the
    /// reader's language. The same on every web node that has read the same entries.</summary>
    public string TagOf(BenchmarkSnapshot snapshot)
    {
        var tag = new StringBuilder(snapshot.Tag).Append('-').Append(ResultsPublished ? 'p' : 'u');
        ulong targets = 14695981039346656037; // FNV-1a over the targets, so that any change to one changes the tag
        foreach (var target in Targets)
        {
            foreach (var c in $"{target.TopicKey}:{target.Target}:{target.UpdatedAt.UtcTicks};")
            {
                targets = (targets ^ c) * 1099511628211;
            }
        }
        return tag.Append('-').Append(targets.ToString("x", CultureInfo.InvariantCulture))
            .Append('-').Append(CultureInfo.CurrentUICulture.Name).Append('-').Append(CultureInfo.CurrentCulture.Name).ToString();
    }
}

using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Toolbox;

/// <summary>What the editors' form partial (_EntryForm) shows.</summary>
internal sealed record ToolboxEntryFormView(ToolboxEntryInput Input, bool IsNew, ToolboxLabels Labels, IReadOnlyList<Language> Languages);

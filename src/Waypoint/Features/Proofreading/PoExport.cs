using System.Text;
using Waypoint.Data.Accounts;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Features.Proofreading;

/// <summary>
/// The PO file of a language as readers see it now: the shipped file with the wording editors accepted applied, so a
/// professional translator starts from the current wording. Editors only.
/// </summary>
internal static class PoExport
{
    public static void MapPoExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/proofreading/export/{language}.po", Export)
            .RequireAuthorization(PlatformRoles.Editor)
            .ExcludeFromDescription();

    private static IResult Export(string language, TranslationCatalog catalog, Languages languages)
    {
        if (languages.Find(language) is not { } found || found.Code == Languages.Default) return Results.NotFound();
        var code = found.Code;

        var file = Path.Combine(catalog.Directory, code + ".po");
        var entries = new List<PoFile.Entry>();
        if (File.Exists(file))
        {
            using var reader = File.OpenText(file);
            entries.AddRange(PoFile.Parse(reader));
        }
        var listed = entries.Select(e => PoFile.Key(e.Context, e.Id)).ToHashSet(StringComparer.Ordinal);
        // Strings the template has and the language's file lacks are added empty, for the translator to fill.
        entries.AddRange(catalog.TemplateKeys.Where(k => !listed.Contains(k)).Select(k => new PoFile.Entry(null, k, "", [])));

        var effective = entries.Select(e =>
        {
            var key = PoFile.Key(e.Context, e.Id);
            var current = catalog.Find(code, key) ?? e.Text;
            return current == e.Text ? e : e with { Text = current, Comments = [.. e.Comments, "# Wording accepted in Waypoint."] };
        });
        using var writer = new StringWriter { NewLine = "\n" };
        PoFile.Write(writer, code, effective);
        return Results.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(writer.ToString()),
            "text/x-gettext-translation; charset=utf-8", code + ".po");
    }
}

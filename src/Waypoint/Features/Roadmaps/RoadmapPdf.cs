using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Waypoint.Features.Recommendations;

namespace Waypoint.Features.Roadmaps;

/// <summary>The roadmap as a PDF document: A4 pages, DejaVu Sans (Latin, Greek and Cyrillic), the actions by horizon
/// with their reasons, owners, due dates, statuses, catalogue entries and procurement checklists.</summary>
internal static class RoadmapPdf
{
    private const double Margin = 50;
    private const string Family = DejaVuFontResolver.Family;

    private static readonly Lock FontLock = new();

    public static byte[] Render(RoadmapDto roadmap, IStringLocalizer l)
    {
        UseDejaVu();
        using var document = new PdfDocument();
        document.Info.Title = l["Roadmap of {0}", roadmap.OrganisationName];
        document.Info.Subject = l["Digitalisation roadmap from the {0} assessment", roadmap.Round];
        var writer = new Writer(document);
        writer.Line(l["Roadmap of {0}", roadmap.OrganisationName], 18, bold: true);
        writer.Line(l["Digitalisation roadmap from the {0} assessment", roadmap.Round], 11);
        writer.Space(10);
        foreach (var horizon in roadmap.Horizons)
        {
            writer.Line(RecommendationLabels.Horizon(horizon.Horizon, l), 14, bold: true);
            if (horizon.Actions.Count == 0) writer.Line(l["No actions."], 10);
            var number = 0;
            foreach (var action in horizon.Actions)
            {
                writer.Space(4);
                writer.Line($"{++number}. {action.Title}", 11, bold: true);
                if (action.Description is { } description) writer.Line(description, 10);
                if (action.Reason is { } reason)
                {
                    var gap = reason.Gap is { } g ? l["; target {0}, a gap of {1} points", reason.Target!, g.ToString("0.0", CultureInfo.CurrentCulture)].Value : "";
                    writer.Line(l["Reason: {0} score {1}{2}.", reason.TopicTitle, reason.Score?.ToString("0.0", CultureInfo.CurrentCulture) ?? l["—"], gap], 9);
                    foreach (var because in reason.Because) writer.Line("– " + because.QuestionTitle + ": " + l["Level {0}", because.Level] + " – " + because.LevelText, 9, indent: 10);
                }
                writer.Line(l["Owner: {0} · Due: {1} · Status: {2}", action.Owner ?? l["—"], action.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? l["—"],
                    RoadmapLabels.Status(action.Status, l)], 9);
                if (action.Catalogue.Count > 0) writer.Line(l["In the toolbox: {0}", string.Join(", ", action.Catalogue.Select(c => c.Name))], 9);
                if (action.Link is { } link) writer.Line(link, 9);
                foreach (var section in action.Checklist)
                {
                    writer.Line(section.Title, 9, bold: true, indent: 10);
                    foreach (var item in section.Items) writer.Line("☐ " + item, 9, indent: 20);
                }
            }
            writer.Space(8);
        }
        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void UseDejaVu()
    {
        lock (FontLock)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    /// <summary>Writes lines top-down, wrapping words to the page width and starting a new page at the bottom.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public void Space(double points) => _y += points;

        public void Line(string text, double size, bool bold = false, double indent = 0)
        {
            var font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var graphics = Graphics();
            var width = _page!.Width.Point - (2 * Margin) - indent;
            var lineHeight = size * 1.35;
            foreach (var line in Wrap(graphics, text, font, width))
            {
                if (_y + lineHeight > _page.Height.Point - Margin) graphics = NewPage();
                graphics.DrawString(line, font, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        public void Finish() => _graphics?.Dispose();

        private XGraphics Graphics() => _graphics ?? NewPage();

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }

        private static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width)
        {
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                    {
                        yield return line;
                        line = word;
                    }
                    else line = candidate;
                }
                yield return line;
            }
        }
    }
}

/// <summary>Gives PDFsharp the DejaVu Sans files shipped beside the application (Fonts/DejaVu), for every family it asks for.</summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVu");

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
}

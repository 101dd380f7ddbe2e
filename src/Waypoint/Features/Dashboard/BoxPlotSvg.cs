using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Features.Dashboard;

/// <summary>
/// Draws one peer group's distribution per measure as horizontal box plots in SVG, on the server, so that the chart
/// shows without JavaScript: whiskers from the 10th to the 90th percentile, the box from the first to the third
/// quartile, the median, the organisation's own score (a dot) and its target (a dashed mark). A suppressed measure
/// gets its reason in words and no figure. wwwroot/js/dashboard.js redraws rows with the same geometry when figures
/// change.
/// </summary>
internal static class BoxPlotSvg
{
    public const int Width = 640;
    public const int LabelRight = 210;
    public const int PlotLeft = 225;
    public const int PlotWidth = 400;
    public const int AxisHeight = 26;
    public const int RowHeight = 34;

    public static double X(double score) => PlotLeft + (Math.Clamp(score, 0, 100) * PlotWidth / 100.0);

    public static IHtmlContent Render(OwnGroupDto group, IReadOnlyDictionary<string, int> targets, string label, Func<MeasureDto, string> suppressedText)
    {
        var height = AxisHeight + (group.Measures.Count * RowHeight) + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"box-plot\" id=\"box-plot\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Encode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<g class=\"box-axis\">");
        for (var tick = 0; tick <= 100; tick += 20)
        {
            var x = Number(X(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x}\" y1=\"{AxisHeight - 4}\" y2=\"{height}\"></line>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{AxisHeight - 10}\" text-anchor=\"middle\">{tick.ToString(CultureInfo.CurrentCulture)}</text>");
        }
        svg.Append("</g>");
        for (var i = 0; i < group.Measures.Count; i++)
        {
            var measure = group.Measures[i];
            var center = AxisHeight + (i * RowHeight) + (RowHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"box-row\" data-measure=\"{Encode(measure.Measure)}\" data-center=\"{center}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"box-label\" x=\"{LabelRight}\" y=\"{center + 4}\" text-anchor=\"end\">{Encode(measure.Title)}</text>");
            svg.Append("<g class=\"box-figures\">");
            AppendFigures(svg, measure, targets.TryGetValue(measure.Measure, out var target) ? target : null, center, suppressedText);
            svg.Append("</g></g>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void AppendFigures(StringBuilder svg, OwnMeasureDto measure, int? target, int center, Func<MeasureDto, string> suppressedText)
    {
        var statistics = measure.Group;
        if (statistics.Suppressed || statistics.P10 is null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"box-suppressed\" x=\"{PlotLeft + 4}\" y=\"{center + 4}\">{Encode(suppressedText(statistics))}</text>");
        }
        else
        {
            string p10 = Number(X(statistics.P10!.Value)), p90 = Number(X(statistics.P90!.Value));
            string q1 = Number(X(statistics.Q1!.Value)), median = Number(X(statistics.Median!.Value));
            var width = Number(X(statistics.Q3!.Value) - X(statistics.Q1!.Value));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"box-whisker\" x1=\"{p10}\" x2=\"{p90}\" y1=\"{center}\" y2=\"{center}\"></line>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"box-whisker\" x1=\"{p10}\" x2=\"{p10}\" y1=\"{center - 6}\" y2=\"{center + 6}\"></line>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"box-whisker\" x1=\"{p90}\" x2=\"{p90}\" y1=\"{center - 6}\" y2=\"{center + 6}\"></line>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"box-iqr\" x=\"{q1}\" y=\"{center - 9}\" width=\"{width}\" height=\"18\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"box-median\" x1=\"{median}\" x2=\"{median}\" y1=\"{center - 9}\" y2=\"{center + 9}\"></line>");
        }
        if (target is { } t)
        {
            var x = Number(X(t));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"box-target\" x1=\"{x}\" x2=\"{x}\" y1=\"{center - 13}\" y2=\"{center + 13}\"></line>");
        }
        if (measure.Score is { } score)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"box-own\" cx=\"{Number(X(score))}\" cy=\"{center}\" r=\"6\"></circle>");
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}

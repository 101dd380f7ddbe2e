using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Analytics;

/// <summary>Horizontal box plots on a 0–100 scale, one row per group: whiskers from the 10th to the 90th percentile,
/// the box from the first to the third quartile, a line at the median. A group whose figures are not shown gets the
/// words "not shown" and no box. Drawn on the server, so it needs no script; the table beside it is its text.</summary>
internal static class BoxPlotSvg
{
    private const double LabelWidth = 210, PlotWidth = 420, RowHeight = 30, Top = 8, AxisHeight = 26;

    public static string Render(string id, string title, IReadOnlyList<DistributionRow> rows, IStringLocalizer l)
    {
        var height = Top + (rows.Count * RowHeight) + AxisHeight;
        var width = LabelWidth + PlotWidth + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"box-plot\" viewBox=\"0 0 {width:0} {height:0}\" ")
            .Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        for (var tick = 0; tick <= 100; tick += 25)
        {
            var x = X(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"box-grid\" x1=\"{x:0.#}\" y1=\"{Top:0}\" x2=\"{x:0.#}\" y2=\"{height - AxisHeight + 4:0}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"box-axis\" x=\"{x:0.#}\" y=\"{height - 6:0}\" text-anchor=\"middle\">{tick}</text>");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var middle = Top + (i * RowHeight) + (RowHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"box-label\" x=\"{LabelWidth - 8:0}\" y=\"{middle + 4:0.#}\" text-anchor=\"end\">{Encode(row.Label)}</text>");
            if (row.Statistics.Distribution is not { } d)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"box-hidden\" x=\"{LabelWidth + 4:0}\" y=\"{middle + 4:0.#}\">{Encode(l["not shown"])}</text>");
                continue;
            }
            var (top, bottom) = (middle - 9, middle + 9);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"box-whisker\" x1=\"{X(d.P10):0.#}\" y1=\"{middle:0.#}\" x2=\"{X(d.Q1):0.#}\" y2=\"{middle:0.#}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line class=\"box-whisker\" x1=\"{X(d.Q3):0.#}\" y1=\"{middle:0.#}\" x2=\"{X(d.P90):0.#}\" y2=\"{middle:0.#}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line class=\"box-whisker\" x1=\"{X(d.P10):0.#}\" y1=\"{top + 4:0.#}\" x2=\"{X(d.P10):0.#}\" y2=\"{bottom - 4:0.#}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line class=\"box-whisker\" x1=\"{X(d.P90):0.#}\" y1=\"{top + 4:0.#}\" x2=\"{X(d.P90):0.#}\" y2=\"{bottom - 4:0.#}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"box-box\" x=\"{X(d.Q1):0.#}\" y=\"{top:0.#}\" width=\"{Math.Max(1, X(d.Q3) - X(d.Q1)):0.#}\" height=\"18\"/>")
                .Append(CultureInfo.InvariantCulture, $"<line class=\"box-median\" x1=\"{X(d.Median):0.#}\" y1=\"{top:0.#}\" x2=\"{X(d.Median):0.#}\" y2=\"{bottom:0.#}\"/>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double X(double score) => LabelWidth + (Math.Clamp(score, 0, 100) / 100 * PlotWidth);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Features.Analytics.Maps;

/// <summary>The colour classes of the map: six bins of the median score (a colour-blind-safe sequential palette,
/// light to dark, in site.css), a hatching for places whose figures are not shown, and grey for places outside the
/// selection. Bins are fixed, so the same colour means the same scores whatever the filters.</summary>
internal static class ScoreBins
{
    public static readonly double[] Bounds = [30, 40, 50, 60, 70];

    public const string HiddenClass = "map-hidden";
    public const string OutsideClass = "map-outside";

    public static int Of(double median)
    {
        var bin = 0;
        while (bin < Bounds.Length && median >= Bounds[bin]) bin++;
        return bin;
    }

    public static string ClassOf(int bin) => "map-bin-" + bin.ToString(CultureInfo.InvariantCulture);

    public static int Count => Bounds.Length + 1;

    public static string Label(int bin, IStringLocalizer l)
    {
        string F(double v) => v.ToString("0", CultureInfo.CurrentCulture);
        return bin == 0 ? l["below {0}", F(Bounds[0])]
            : bin == Bounds.Length ? l["{0} or more", F(Bounds[^1])]
            : l["{0} to under {1}", F(Bounds[bin - 1]), F(Bounds[bin])];
    }
}

/// <summary>Renders a choropleth of one map level as SVG: a path per place with a title (name, median, number of
/// organisations, or why it is not shown), filled by the class of its bin. The SVG is an image labelled by its own
/// title; the table beside it on the page holds the same figures as text.</summary>
internal static class MapSvg
{
    public const string HatchId = "map-hatch";

    public static string Render(EuropeMap map, int level, IReadOnlyList<MapPlace> places, string title, int minimum, IStringLocalizer l)
    {
        var svg = new StringBuilder(level == 0 ? 80_000 : 200_000);
        var w = map.Width.ToString("0", CultureInfo.InvariantCulture);
        var h = map.Height.ToString("0", CultureInfo.InvariantCulture);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"choropleth\" viewBox=\"0 0 ").Append(w).Append(' ').Append(h)
            .Append("\" role=\"img\" aria-labelledby=\"map-svg-title\" focusable=\"false\">");
        svg.Append("<title id=\"map-svg-title\">").Append(Encode(title)).Append("</title>");
        svg.Append("<defs><pattern id=\"").Append(HatchId).Append("\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">")
            .Append("<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#6b6b6b\" stroke-width=\"2.5\"/></pattern></defs>");
        var context = map.Level(level).ContextPath;
        if (context.Length > 0) svg.Append("<path class=\"map-context\" d=\"").Append(context).Append("\"/>");
        foreach (var place in places)
        {
            var shape = place.Shape;
            if (shape.Inset is { } inset)
            {
                svg.Append("<rect class=\"map-inset\" x=\"").Append(Number(inset.X)).Append("\" y=\"").Append(Number(inset.Y))
                    .Append("\" width=\"").Append(Number(inset.Size)).Append("\" height=\"").Append(Number(inset.Size)).Append("\"/>");
                svg.Append("<text class=\"map-inset-label\" x=\"").Append(Number(inset.X + 3)).Append("\" y=\"").Append(Number(inset.Y + 10))
                    .Append("\">").Append(Encode(shape.Code)).Append("</text>");
            }
            svg.Append("<path class=\"").Append(ClassOf(place)).Append("\" data-code=\"").Append(Encode(shape.Code)).Append("\" d=\"")
                .Append(shape.Path).Append("\"><title>").Append(Encode(Describe(place, minimum, l))).Append("</title></path>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string ClassOf(MapPlace place) => place.Summary switch
    {
        null => ScoreBins.OutsideClass,
        { Median: { } median } => ScoreBins.ClassOf(ScoreBins.Of(median)),
        _ => ScoreBins.HiddenClass,
    };

    /// <summary>What the title of a place says, and what its row in the table says.</summary>
    public static string Describe(MapPlace place, int minimum, IStringLocalizer l)
    {
        var name = $"{place.Name} ({place.Shape.Code})";
        return place.Summary switch
        {
            null => l["{0}: outside the selection", name],
            { Median: { } median, Count: { } count } => l["{0}: median {1}, {2} organisations", name, AnalyticsReport.Figure(median),
                count.ToString("N0", CultureInfo.CurrentCulture)],
            var hidden => l["{0}: {1}", name, BenchmarkLabels.Suppression(hidden.Suppressed, minimum, l)],
        };
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Waypoint.Features.Analytics.Maps;

/// <summary>One region of a map level, ready to draw: its SVG path in map units. <see cref="Inset"/> is set for a
/// region that lies wholly outside the mainland frame (the Canaries, the Azores, Madeira, the French outermost
/// regions): it is drawn, scaled to fit, in a framed box of its own at the map's left.</summary>
internal sealed record MapShape(string Code, string CountryCode, string Name, string Path, MapInset? Inset);

internal sealed record MapInset(double X, double Y, double Size);

/// <summary>The places of one NUTS level: the EU's regions to colour, in code order, and one path of the
/// neighbouring countries' outlines, drawn grey for context.</summary>
internal sealed record MapLevel(int Level, IReadOnlyList<MapShape> Shapes, string ContextPath)
{
    public MapShape? Find(string code) => Shapes.FirstOrDefault(s => s.Code == code);
}

/// <summary>
/// The NUTS 2021 boundaries (Eurostat GISCO, 1:20 million; © EuroGeographics for the administrative boundaries)
/// projected once at start-up into SVG paths. The projection is Lambert azimuthal equal-area centred on 10°E 52°N,
/// the one of Eurostat's own maps (ETRS89-LAEA), so that regions keep their relative areas. Coordinates are rounded
/// to a tenth of a map unit: the 400 KB of level-2 geometry becomes a few hundred path strings built once and shared.
/// </summary>
internal sealed class EuropeMap
{
    public const string Level0File = "nuts-2021-level0-20m.geojson";
    public const string Level2File = "nuts-2021-level2-20m.geojson";

    /// <summary>Width of the mainland frame in map units.</summary>
    private const double MainWidth = 800;
    /// <summary>Width of the column of insets at the left.</summary>
    private const double InsetColumn = 100;
    private const double InsetSize = 84;
    private const double InsetGap = 8;

    // The frame of mainland Europe: polygons wholly outside it are overseas (or far north, like Svalbard).
    private const double MinLon = -25, MaxLon = 45, MinLat = 34, MaxLat = 72;
    private const double CentreLon = 10, CentreLat = 52;

    private EuropeMap(MapLevel countries, MapLevel regions, double width, double height)
    {
        Countries = countries;
        Regions = regions;
        Width = width;
        Height = height;
    }

    public MapLevel Countries { get; }
    public MapLevel Regions { get; }
    public double Width { get; }
    public double Height { get; }

    public MapLevel Level(int level) => level == 0 ? Countries : Regions;

    /// <summary>Reads and projects both levels. <paramref name="euCountries"/> are the Eurostat codes of the places to
    /// colour; the other countries of the files are context.</summary>
    public static EuropeMap Load(string directory, IReadOnlySet<string> euCountries)
    {
        var level0 = Read(Path.Combine(directory, Level0File));
        var level2 = Read(Path.Combine(directory, Level2File));

        // The frame is the extent of the EU's mainland countries.
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var feature in level0.Where(f => euCountries.Contains(f.Country)))
        {
            foreach (var ring in feature.Polygons.Where(IsMainland).SelectMany(p => p.Rings))
            {
                foreach (var (x, y) in ring)
                {
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }
        var scale = MainWidth / (maxX - minX);
        var height = Math.Ceiling((maxY - minY) * scale) + 10;
        (double, double) ToMap((double X, double Y) p) => (InsetColumn + ((p.X - minX) * scale), 5 + ((maxY - p.Y) * scale));

        MapLevel Build(int level, List<Feature> features)
        {
            var shapes = new List<MapShape>();
            var context = new StringBuilder();
            var insets = 0;
            foreach (var feature in features.OrderBy(f => f.Code, StringComparer.Ordinal))
            {
                var mainland = feature.Polygons.Where(IsMainland).ToList();
                if (!euCountries.Contains(feature.Country))
                {
                    AppendPath(context, mainland, ToMap);
                    continue;
                }
                if (mainland.Count > 0)
                {
                    shapes.Add(new MapShape(feature.Code, feature.Country, feature.Name, AppendPath(new StringBuilder(), mainland, ToMap).ToString(), null));
                    continue;
                }
                var inset = new MapInset((InsetColumn - InsetSize) / 2, 5 + (insets++ * (InsetSize + InsetGap)), InsetSize);
                shapes.Add(new MapShape(feature.Code, feature.Country, feature.Name, InsetPath(feature.Polygons, inset), inset));
            }
            return new MapLevel(level, shapes, context.ToString());
        }

        var countries = Build(0, level0);
        var regions = Build(2, level2);
        var insetHeight = 5 + (regions.Shapes.Count(s => s.Inset is not null) * (InsetSize + InsetGap));
        return new EuropeMap(countries, regions, InsetColumn + MainWidth + 5, Math.Max(height, insetHeight));
    }

    /// <summary>Lambert azimuthal equal-area on the unit sphere.</summary>
    private static (double X, double Y) Project(double lon, double lat)
    {
        const double radians = Math.PI / 180;
        var (λ, φ, λ0, φ0) = (lon * radians, lat * radians, CentreLon * radians, CentreLat * radians);
        var k = Math.Sqrt(2 / (1 + (Math.Sin(φ0) * Math.Sin(φ)) + (Math.Cos(φ0) * Math.Cos(φ) * Math.Cos(λ - λ0))));
        return (k * Math.Cos(φ) * Math.Sin(λ - λ0), k * ((Math.Cos(φ0) * Math.Sin(φ)) - (Math.Sin(φ0) * Math.Cos(φ) * Math.Cos(λ - λ0))));
    }

    private static bool IsMainland(Polygon polygon) =>
        polygon.Bounds is var (minLon, minLat, maxLon, maxLat) && minLon >= MinLon && maxLon <= MaxLon && minLat >= MinLat && maxLat <= MaxLat;

    /// <summary>An overseas region scaled to fit its inset box, with a margin.</summary>
    private static string InsetPath(IReadOnlyList<Polygon> polygons, MapInset inset)
    {
        var points = polygons.SelectMany(p => p.Rings).SelectMany(r => r).ToList();
        var (minX, maxX) = (points.Min(p => p.X), points.Max(p => p.X));
        var (minY, maxY) = (points.Min(p => p.Y), points.Max(p => p.Y));
        var margin = 6;
        var scale = (inset.Size - (2 * margin)) / Math.Max(maxX - minX, maxY - minY);
        var (offsetX, offsetY) = (inset.X + margin + ((inset.Size - (2 * margin) - ((maxX - minX) * scale)) / 2),
            inset.Y + margin + ((inset.Size - (2 * margin) - ((maxY - minY) * scale)) / 2));
        return AppendPath(new StringBuilder(), polygons, p => (offsetX + ((p.X - minX) * scale), offsetY + ((maxY - p.Y) * scale))).ToString();
    }

    private static StringBuilder AppendPath(StringBuilder path, IEnumerable<Polygon> polygons, Func<(double X, double Y), (double X, double Y)> toMap)
    {
        foreach (var ring in polygons.SelectMany(p => p.Rings))
        {
            var start = path.Length;
            var (lastX, lastY) = (double.NaN, double.NaN);
            var drawn = 0;
            foreach (var point in ring)
            {
                var (x, y) = toMap(point);
                (x, y) = (Math.Round(x, 1), Math.Round(y, 1));
                if (x == lastX && y == lastY) continue;
                path.Append(drawn == 0 ? 'M' : 'L').Append(x.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString(CultureInfo.InvariantCulture));
                (lastX, lastY) = (x, y);
                drawn++;
            }
            // A ring smaller than the rounding (a tiny islet) leaves nothing worth drawing.
            if (drawn < 3) path.Length = start;
            else path.Append('Z');
        }
        return path;
    }

    private sealed record Polygon(IReadOnlyList<IReadOnlyList<(double X, double Y)>> Rings, (double MinLon, double MinLat, double MaxLon, double MaxLat) Bounds);

    private sealed record Feature(string Code, string Country, string Name, IReadOnlyList<Polygon> Polygons);

    private static List<Feature> Read(string file)
    {
        using var stream = File.OpenRead(file);
        using var document = JsonDocument.Parse(stream);
        var features = new List<Feature>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [ReadPolygon(coordinates)],
                "MultiPolygon" => coordinates.EnumerateArray().Select(ReadPolygon).ToList(),
                var other => throw new InvalidDataException($"{file}: unexpected geometry type {other}."),
            };
            features.Add(new Feature(properties.GetProperty("NUTS_ID").GetString()!, properties.GetProperty("CNTR_CODE").GetString()!,
                properties.GetProperty("NUTS_NAME").GetString()!, polygons));
        }
        return features;
    }

    private static Polygon ReadPolygon(JsonElement rings)
    {
        double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
        var projected = new List<IReadOnlyList<(double, double)>>();
        foreach (var ring in rings.EnumerateArray())
        {
            var points = new List<(double, double)>();
            foreach (var position in ring.EnumerateArray())
            {
                var (lon, lat) = (position[0].GetDouble(), position[1].GetDouble());
                (minLon, maxLon, minLat, maxLat) = (Math.Min(minLon, lon), Math.Max(maxLon, lon), Math.Min(minLat, lat), Math.Max(maxLat, lat));
                points.Add(Project(lon, lat));
            }
            projected.Add(points);
        }
        return new Polygon(projected, (minLon, minLat, maxLon, maxLat));
    }
}

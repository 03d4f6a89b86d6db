using DxGeo.Core.Crs;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Web.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Api;

/// <summary>
/// <c>/api/identify?lon=&amp;lat=&amp;radiusM=</c>: "what is here": every feature of every layer within radiusM metres
/// of the point (measured in the place's metric CRS, not in degrees), nearest first, with all attributes labelled by
/// the data dictionary.
/// </summary>
internal static class IdentifyEndpoint
{
    public const double MaxRadiusM = 500;
    private const int PerLayer = 20;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/identify", Identify).WithTags("Web map").WithName("identify")
           .WithSummary("Features of every layer near a lon/lat point, with labelled attributes").ProducesProblem(400);

    private static IResult Identify(double? lon, double? lat, double? radiusM, ServedWorkspace ws)
    {
        if (lon is not { } x || lat is not { } y || !double.IsFinite(x) || !double.IsFinite(y) || x is < -180 or > 180 || y is < -90 or > 90)
            throw ProblemException.BadRequest("lon and lat are required: a point in degrees (lon −180…180, lat −90…90)");
        var r = radiusM ?? 10;
        if (!double.IsFinite(r) || r <= 0 || r > MaxRadiusM)
            throw ProblemException.BadRequest($"radiusM {r} must be > 0 and ≤ {MaxRadiusM}");

        var frame = MetricFrame.For(x, y);
        var here = frame.Project(new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(x, y)));
        // A box surely containing the circle: 1° of latitude ≥ 110.5 km everywhere.
        var dLat = r / 110_000.0;
        var dLon = dLat / Math.Max(0.01, Math.Cos(y * Math.PI / 180));
        var box = new Envelope(x - dLon, x + dLon, y - dLat, y + dLat);

        var hits = new List<(double DistanceM, object Hit)>();
        foreach (var layer in ws.Workspace.ListLayers())
        {
            var s = layer.Schema;
            if (s.GeometryType == LayerGeometryType.None) continue;
            var found = new List<(double, object)>();
            foreach (var f in ws.Workspace.Read(s.Name, new FeatureQuery { BoundingBox = LonLat.ToLayer(box, s.Srid) }))
            {
                if (LonLat.ToLonLat(f.Geometry, s.Srid) is not { IsEmpty: false } g) continue;
                var d = frame.Project(g).Distance(here);
                if (d <= r) found.Add((d, Describe(s, f, d)));
            }
            hits.AddRange(found.OrderBy(h => h.Item1).Take(PerLayer));
        }
        return Results.Json(new { lon = x, lat = y, radiusM = r, features = hits.OrderBy(h => h.DistanceM).Select(h => h.Hit) }, Json.Options);
    }

    private static object Describe(LayerSchema s, FeatureRecord f, double distanceM)
    {
        var idIndex = s.IdField is null ? -1 : s.IndexOf(s.IdField);
        return new
        {
            layer = s.Name,
            layerTitle = s.Title ?? s.Name,
            fid = f.Fid,
            id = idIndex >= 0 && idIndex < f.Values.Length ? f.Values[idIndex]?.ToString() : null,
            distanceM = Math.Round(distanceM, 2),
            properties = s.Fields.Select((fd, i) => new
            {
                name = fd.Name,
                label = fd.Description ?? fd.Name,
                value = Display(i < f.Values.Length ? f.Values[i] : null),
            }).ToArray(),
        };
    }

    private static object? Display(object? v) => v switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        double d when !double.IsFinite(d) => null,
        _ => v,
    };
}

using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// 3-D transits: the horizontal route around no-fly zones, flown at the higher of the two end altitudes (climb at
/// the start, descend at the end), and above a structure's top wherever the route crosses its footprint.
/// </summary>
public sealed class TransitPaths(TransitRouter router, IReadOnlyList<StructureObstacle> obstacles, GeometryFactory f)
{
    public sealed record Path(List<CoordinateZ> Points, double HorizontalM, double VerticalM, double CruiseAltitudeM);

    private readonly Dictionary<(double, double, double, double), List<Coordinate>?> _routes = [];

    public Path? Between(Coordinate a, double za, Coordinate b, double zb)
    {
        // The splitter asks for the same transits once per launch candidate: keep the horizontal routes.
        var key = (a.X, a.Y, b.X, b.Y);
        if (!_routes.TryGetValue(key, out var route)) _routes[key] = route = router.Route(a, b);
        if (route is null) return null;
        var cruise = Math.Max(za, zb);
        if (obstacles.Count > 0)
        {
            var line = route.Count >= 2 && !route[0].Equals2D(route[^1]) ? f.CreateLineString(route.ToArray()) : null;
            foreach (var o in obstacles)
                if (line is not null && o.Footprint.Intersects(line) && o.TopM > cruise) cruise = o.TopM;
        }
        var pts = new List<CoordinateZ> { new(a.X, a.Y, za) };
        if (cruise > za + 1e-9) pts.Add(new CoordinateZ(a.X, a.Y, cruise));
        for (var i = 1; i + 1 < route.Count; i++) pts.Add(new CoordinateZ(route[i].X, route[i].Y, cruise));
        if (cruise > zb + 1e-9) pts.Add(new CoordinateZ(b.X, b.Y, cruise));
        pts.Add(new CoordinateZ(b.X, b.Y, zb));
        double h = 0, v = 0;
        for (var i = 0; i + 1 < pts.Count; i++)
        {
            h += Math.Sqrt(Math.Pow(pts[i + 1].X - pts[i].X, 2) + Math.Pow(pts[i + 1].Y - pts[i].Y, 2));
            v += Math.Abs(pts[i + 1].Z - pts[i].Z);
        }
        return new Path(pts, h, v, cruise);
    }
}

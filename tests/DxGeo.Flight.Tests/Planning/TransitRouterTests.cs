using DxGeo.Flight.Constraints;
using DxGeo.Flight.Tests.Support;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Tests.Planning;

public class TransitRouterTests
{
    private static readonly GeometryFactory F = Scenarios.F;

    private static Polygon Square(double x0, double y0, double size) =>
        F.CreatePolygon([new(x0, y0), new(x0 + size, y0), new(x0 + size, y0 + size), new(x0, y0 + size), new(x0, y0)]);

    [Fact]
    public void Transit_goes_around_a_zone_in_the_way_keeping_the_margin_and_not_much_longer_than_needed()
    {
        var zone = new NoFlyArea("Z", Square(-50, -50, 100));
        var noFly = new NoFlyConstraint([zone], 20, F);
        var router = new TransitRouter(new Airspace(noFly, null, F));
        var a = new Coordinate(-300, 0); var b = new Coordinate(300, 0);
        var path = router.Route(a, b)!;
        Assert.NotNull(path);
        for (var i = 0; i + 1 < path.Count; i++)
            Assert.True(zone.GeometryM.Distance(F.CreateLineString([path[i], path[i + 1]])) >= 20 - 1e-6);
        var length = path.Zip(path.Skip(1), (p, q) => p.Distance(q)).Sum();
        // Around the square's grown corner: 2 × distance from a to (−50 − 20, 50 + 20)-ish, a lower bound of any detour.
        var lowerBound = 2 * new Coordinate(-300, 0).Distance(new Coordinate(0, 70));
        Assert.InRange(length, lowerBound - 1, lowerBound * 1.05);
    }

    [Fact]
    public void Point_enclosed_by_zones_has_no_route()
    {
        var ring = F.CreatePolygon(F.CreateLinearRing([new(-200, -200), new(200, -200), new(200, 200), new(-200, 200), new(-200, -200)]),
            [F.CreateLinearRing([new(-100, -100), new(-100, 100), new(100, 100), new(100, -100), new(-100, -100)])]);
        var noFly = new NoFlyConstraint([new NoFlyArea("moat", ring)], 10, F);
        var router = new TransitRouter(new Airspace(noFly, null, F));
        Assert.Null(router.Route(new Coordinate(0, 0), new Coordinate(500, 0)));
    }

    [Fact]
    public void Transit_stays_inside_a_concave_fence()
    {
        // U-shaped fence: going from one arm to the other must go round the bottom.
        var fence = F.CreatePolygon([new(0, 0), new(300, 0), new(300, 300), new(200, 300), new(200, 100), new(100, 100), new(100, 300), new(0, 300), new(0, 0)]);
        var gf = new GeofenceConstraint(fence, 5);
        var router = new TransitRouter(new Airspace(new NoFlyConstraint([], 0, F), gf, F));
        var path = router.Route(new Coordinate(50, 250), new Coordinate(250, 250))!;
        Assert.NotNull(path);
        for (var i = 0; i + 1 < path.Count; i++)
            Assert.True(gf.Inner.Covers(F.CreateLineString([path[i], path[i + 1]])));
        Assert.True(path.Min(p => p.Y) < 100);
    }
}

using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Context;

/// <summary>A surveyed ground height (T.P. metres) at a point of the town, local metres.</summary>
internal sealed record ElevationDraft(string Id, Coordinate Location, double ElevationM);

/// <summary>
/// Ground height of the coastal plain in metres above Tokyo Peil (T.P.), as a function of local metres: ~1–3 m
/// behind the coast, rising inland, with a terrace of hills in the north-west (~35 m) and a lower one in the
/// south-west, the river's floodplain a little lower than the land around it. Smooth, so a 100 m grid of spot
/// heights (what <see cref="Grid"/> publishes, like a coarse DEM) describes it well enough for pipe slopes.
/// </summary>
internal sealed class Terrain
{
    /// <summary>Spacing (m) of the published spot-height grid.</summary>
    public const double GridSpacingM = 100;

    private readonly Hydrography _h;
    private readonly double _phaseX, _phaseY, _hillNwX, _hillNwY, _hillSwX, _hillSwY;

    private Terrain(Hydrography h, Prng rng)
    {
        _h = h;
        _phaseX = rng.Uniform(0, 6.3);
        _phaseY = rng.Uniform(0, 6.3);
        _hillNwX = rng.Uniform(300, 900);
        _hillNwY = rng.Uniform(3200, 3800);
        _hillSwX = rng.Uniform(200, 800);
        _hillSwY = rng.Uniform(300, 900);
    }

    public static Terrain Build(Hydrography h, Prng rng) => new(h, rng);

    public double ElevationM(double x, double y)
    {
        var inland = Math.Clamp((_h.CoastX(y) - x) / 4700, 0, 1);
        var z = 1.2 + 9 * inland * inland;
        z += 30 * Bump(x - _hillNwX, y - _hillNwY, 1300);
        z += 14 * Bump(x - _hillSwX, y - _hillSwY, 1000);
        // The floodplain sits ~1.5 m below the land around it.
        var fromRiver = Math.Abs(y - _h.RiverY(x));
        z -= 1.5 * Bump(fromRiver, 0, 450);
        z += 0.8 * DetMath.Sin(2 * DetMath.Pi * x / 1700 + _phaseX) * DetMath.Sin(2 * DetMath.Pi * y / 1300 + _phaseY);
        return Math.Max(0.3, z);
    }

    /// <summary>Mean absolute gradient along a line (percent), sampled every ~10 m.</summary>
    public double SlopePct(LineString line)
    {
        var len = line.Length;
        if (len <= 0) return 0;
        var n = Math.Max(2, (int)Math.Ceiling(len / 10));
        double rise = 0;
        var prev = ElevationM(line.Coordinates[0].X, line.Coordinates[0].Y);
        for (var k = 1; k <= n; k++)
        {
            var c = Geo.Polyline.PointAt(line.Coordinates, len * k / n);
            var z = ElevationM(c.X, c.Y);
            rise += Math.Abs(z - prev);
            prev = z;
        }
        return 100 * rise / len;
    }

    /// <summary>Spot heights on a <see cref="GridSpacingM"/> grid over the land (rounded to 1 cm, as survey heights are given).</summary>
    public List<ElevationDraft> Grid()
    {
        var land = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(_h.Land);
        var result = new List<ElevationDraft>();
        for (var y = GridSpacingM / 2; y < TownFrame.HeightM; y += GridSpacingM)
            for (var x = GridSpacingM / 2; x < TownFrame.WidthM; x += GridSpacingM)
            {
                var c = new Coordinate(x, y);
                if (!land.Contains(Geo.Polyline.Factory.CreatePoint(c))) continue;
                result.Add(new ElevationDraft($"EL-{result.Count + 1:D5}", c, Math.Round(ElevationM(x, y), 2)));
            }
        return result;
    }

    private static double Bump(double dx, double dy, double radiusM) => DetMath.Exp(-(dx * dx + dy * dy) / (radiusM * radiusM));
}

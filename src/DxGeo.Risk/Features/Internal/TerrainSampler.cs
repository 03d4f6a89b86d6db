using DxGeo.Core.Assets;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.Risk.Features.Internal;

/// <summary>
/// Ground height and slope along each pipe from spot heights (a surveyed point layer or a DEM given as points), in
/// the network's metric frame: heights are interpolated by inverse distance² from the nearest points within
/// <see cref="SearchRadiusM"/> at stations every ≤ <see cref="StationSpacingM"/> along the pipe. Slope is the mean
/// absolute rise per metre run (percent), measured in metres both ways, never in degrees. A pipe with no spot height
/// near it, or a workspace without the layer, gets NaN (the feature is missing, not zero).
/// </summary>
internal static class TerrainSampler
{
    public const double SearchRadiusM = 250;
    public const double StationSpacingM = 10;
    private const int Neighbours = 6;

    public static (double ElevationM, double SlopePct)[] Run(MetricNetwork net, IReadOnlyList<ElevationPoint> points)
    {
        var result = new (double, double)[net.Count];
        Array.Fill(result, (double.NaN, double.NaN));
        if (points.Count == 0) return result;
        var tree = new STRtree<(double X, double Y, double Z)>();
        foreach (var p in points)
        {
            var c = net.Project(p.Geometry).Coordinate;
            tree.Insert(new Envelope(c), (c.X, c.Y, p.ElevationM));
        }
        tree.Build();
        for (var i = 0; i < net.Count; i++)
        {
            var line = net.Lines[i];
            var len = line.Length;
            var n = Math.Max(1, (int)Math.Ceiling(len / StationSpacingM));
            var z = new double[n + 1];
            var ok = true;
            var along = new NetTopologySuite.LinearReferencing.LengthIndexedLine(line);
            for (var k = 0; k <= n && ok; k++)
            {
                var c = along.ExtractPoint(len * k / n);
                z[k] = HeightAt(tree, c.X, c.Y);
                ok = double.IsFinite(z[k]);
            }
            if (!ok) continue;
            double rise = 0;
            for (var k = 1; k <= n; k++) rise += Math.Abs(z[k] - z[k - 1]);
            result[i] = (z.Average(), len > 0 ? 100 * rise / len : 0);
        }
        return result;
    }

    private static double HeightAt(STRtree<(double X, double Y, double Z)> tree, double x, double y)
    {
        var env = new Envelope(x - SearchRadiusM, x + SearchRadiusM, y - SearchRadiusM, y + SearchRadiusM);
        var near = tree.Query(env)
            .Select(p => (D2: (p.X - x) * (p.X - x) + (p.Y - y) * (p.Y - y), p.Z))
            .Where(p => p.D2 <= SearchRadiusM * SearchRadiusM)
            .OrderBy(p => p.D2).Take(Neighbours).ToList();
        if (near.Count == 0) return double.NaN;
        if (near[0].D2 < 1e-6) return near[0].Z;
        double sw = 0, sz = 0;
        foreach (var (d2, z) in near) { sw += 1 / d2; sz += z / d2; }
        return sz / sw;
    }
}

using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.SampleTown;
using NetTopologySuite.Geometries;

namespace DxGeo.Benchmarks.Web;

/// <summary>
/// A dense city-sized pipe network for the web suite: the sample town's pipes tiled edge to edge (each copy shifted
/// by the town's own width/height, ids suffixed), so density per tile stays that of a real town while the layer
/// grows to the requested size. Written once to a GeoPackage workspace and reused when the file exists.
/// </summary>
internal static class WebBenchData
{
    public static Envelope Ensure(string path, int segments)
    {
        var town = SampleTownGenerator.Generate();
        var env = new Envelope();
        foreach (var p in town.Pipes) env.ExpandToInclude(p.Geometry.EnvelopeInternal);
        var copies = (int)Math.Ceiling(segments / (double)town.Pipes.Count);
        var side = (int)Math.Ceiling(Math.Sqrt(copies));
        var all = new Envelope(env.MinX, env.MinX + side * env.Width, env.MinY, env.MinY + Math.Ceiling(copies / (double)side) * env.Height);
        if (File.Exists(path)) return all;
        using var ws = GeoPackageWorkspace.Create(path);
        using var w = ws.BeginWrite();
        w.CreateLayer(AssetLayers.Pipes.Schema);
        var n = 0;
        for (var c = 0; c < copies && n < segments; c++)
        {
            double dx = c % side * env.Width, dy = c / side * env.Height;
            foreach (var p in town.Pipes)
            {
                if (n++ >= segments) break;
                var g = (LineString)p.Geometry.Copy();
                g.Apply(new Shift(dx, dy));
                g.GeometryChanged();
                w.Insert("water_pipes", AssetLayers.Pipes.ToRecord(p with { PipeId = $"{p.PipeId}-{c:D3}", Geometry = g }));
            }
        }
        w.Commit();
        return all;
    }

    private sealed class Shift(double dx, double dy) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++) { seq.SetX(i, seq.GetX(i) + dx); seq.SetY(i, seq.GetY(i) + dy); }
        }
    }

    /// <summary>The XYZ tiles of zoom <paramref name="z"/> covering a lon/lat box.</summary>
    public static List<(int Z, int X, int Y)> Tiles(Envelope lonLat, int z)
    {
        var n = 1 << z;
        int X(double lon) => (int)Math.Floor((lon + 180) / 360 * n);
        int Y(double lat)
        {
            var r = lat * Math.PI / 180;
            return (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n);
        }
        var list = new List<(int, int, int)>();
        for (var x = X(lonLat.MinX); x <= X(lonLat.MaxX); x++)
            for (var y = Y(lonLat.MaxY); y <= Y(lonLat.MinY); y++) list.Add((z, x, y));
        return list;
    }

    /// <summary>Up to <paramref name="max"/> tiles, an even spread when there are more.</summary>
    public static List<T> Spread<T>(List<T> all, int max) =>
        all.Count <= max ? all : Enumerable.Range(0, max).Select(i => all[(int)((long)i * all.Count / max)]).ToList();
}

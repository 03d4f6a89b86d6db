using DxGeo.Core.Crs;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Imagery.Ingest.Internal;

/// <summary>
/// The asset a footprint covers most, among bridges, levees and water pipes. Candidates come from each layer's R-tree
/// (footprint envelope); coverage is measured in the photo's metric frame: the area inside the footprint for polygons,
/// the length inside × the layer's nominal width for lines (levee crown 10 m, bridge deck 10 m, pipe 1 m), so a levee
/// crossing the frame outranks a pipe under its road.
/// </summary>
internal sealed class AssetLinker(IWorkspace ws)
{
    private static readonly (string Layer, double LineWidthM)[] Layers = [("bridges", 10), ("levees", 10), ("water_pipes", 1)];
    private readonly (string Layer, double Width, int IdIndex)[] _present = Layers
        .Select(l => (l.Layer, l.LineWidthM, Info: ws.FindLayer(l.Layer)))
        .Where(l => l.Info is not null && l.Info.Schema.IdField is not null)
        .Select(l => (l.Layer, l.LineWidthM, l.Info!.Schema.IndexOf(l.Info.Schema.IdField!)))
        .ToArray();

    public (string Layer, string Id)? Link(Polygon footprintLonLat)
    {
        if (_present.Length == 0) return null;
        var frame = MetricFrame.For(footprintLonLat);
        var fp = frame.Project(footprintLonLat);
        (string, string)? best = null;
        double bestCover = 0;
        foreach (var (layer, width, idIndex) in _present)
            foreach (var r in ws.Read(layer, new FeatureQuery { BoundingBox = footprintLonLat.EnvelopeInternal }))
            {
                if (r.Geometry is not { IsEmpty: false } g || r.Values[idIndex] is not string id) continue;
                var inside = fp.Intersection(frame.Project(g));
                var cover = inside is IPolygonal ? inside.Area : inside.Length * width;
                if (cover > bestCover) (bestCover, best) = (cover, (layer, id));
            }
        return best;
    }
}

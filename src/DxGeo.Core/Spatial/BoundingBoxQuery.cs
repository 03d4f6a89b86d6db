using DxGeo.Core.Errors;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial;

/// <summary>
/// Features whose geometry intersects a lon/lat box. The workspace's R-tree returns the features whose
/// envelope meets the box; each is then tested exactly (a diagonal pipe can have its envelope in the box
/// and its line outside). The box is defined in lon/lat, so the exact test needs no projection.
/// An instance resolves the layer once, for many queries (looking a layer up can cost a COUNT over the table).
/// </summary>
public sealed class BoundingBoxQuery
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private readonly IWorkspace _ws;
    private readonly LayerInfo _info;

    public BoundingBoxQuery(IWorkspace ws, string layer)
    {
        _ws = ws;
        _info = LayerAccess.RequireGeometry(ws, layer);
    }

    /// <summary>One-off query; for many, make one instance and call <see cref="Run(Envelope, long?)"/>.</summary>
    public static IEnumerable<SpatialHit> Run(IWorkspace ws, string layer, Envelope lonLatBox, long? limit = null) =>
        new BoundingBoxQuery(ws, layer).Run(lonLatBox, limit);

    public IEnumerable<SpatialHit> Run(Envelope lonLatBox, long? limit = null)
    {
        Validate(lonLatBox);
        return Iterate(_ws, _info, lonLatBox, limit);
    }

    /// <summary>Checks a user's box: finite, min ≤ max, lon within ±180 and lat within ±90.</summary>
    public static void Validate(Envelope box)
    {
        if (box.IsNull || !double.IsFinite(box.MinX) || !double.IsFinite(box.MaxX) || !double.IsFinite(box.MinY) || !double.IsFinite(box.MaxY))
            throw new DxGeoException("bounding box must be four finite numbers minLon,minLat,maxLon,maxLat");
        if (box.MinX < -180 || box.MaxX > 180 || box.MinY < -90 || box.MaxY > 90)
            throw new DxGeoException(FormattableString.Invariant(
                $"bounding box {box.MinX},{box.MinY},{box.MaxX},{box.MaxY} is not lon/lat degrees (EPSG:4326, lon first)"));
    }

    private static IEnumerable<SpatialHit> Iterate(IWorkspace ws, LayerInfo info, Envelope box, long? limit)
    {
        var idIndex = LayerAccess.IdIndex(info.Schema);
        var rect = Wgs84.ToGeometry(box);
        long n = 0;
        foreach (var r in ws.Read(info.Name, new FeatureQuery { BoundingBox = box }))
        {
            if (r.Geometry is not { IsEmpty: false } g) continue;
            // Envelope inside the box: certainly intersects; otherwise test the geometry itself.
            if (!box.Contains(g.EnvelopeInternal) && !rect.Intersects(g)) continue;
            yield return new SpatialHit(r, LayerAccess.IdOf(r, idIndex));
            if (limit is { } l && ++n >= l) yield break;
        }
    }
}

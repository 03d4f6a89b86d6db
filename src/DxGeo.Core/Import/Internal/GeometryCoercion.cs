using DxGeo.Core.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Linemerge;

namespace DxGeo.Core.Import.Internal;

/// <summary>
/// Fits a source geometry to a layer's geometry type the way GIS tools do: a shapefile's single-part
/// MultiLineString becomes a LineString, a Polygon is promoted to a MultiPolygon, touching parts of a line are
/// merged. Returns the reason when it cannot fit (e.g. a MultiLineString of separate pieces for a LineString layer).
/// </summary>
internal static class GeometryCoercion
{
    public static string? TryFit(Geometry? g, LayerGeometryType target, out Geometry? result)
    {
        result = g;
        if (g is null || target == LayerGeometryType.Geometry) return null;
        var f = g.Factory;
        switch (target)
        {
            case LayerGeometryType.Point when g is MultiPoint { NumGeometries: 1 } mp: result = mp.GetGeometryN(0); return null;
            case LayerGeometryType.LineString when g is MultiLineString ml:
                if (ml.NumGeometries == 1) { result = ml.GetGeometryN(0); return null; }
                var merger = new LineMerger();
                merger.Add((Geometry)ml);
                var merged = merger.GetMergedLineStrings();
                if (merged.Count == 1) { result = (LineString)merged.First(); return null; }
                return $"expected a LineString, got a MultiLineString of {ml.NumGeometries} separate parts (import into a MultiLineString layer, or split it)";
            case LayerGeometryType.Polygon when g is MultiPolygon { NumGeometries: 1 } mpoly: result = mpoly.GetGeometryN(0); return null;
            case LayerGeometryType.MultiPoint when g is Point p: result = f.CreateMultiPoint([p]); return null;
            case LayerGeometryType.MultiLineString when g is LineString l: result = f.CreateMultiLineString([l]); return null;
            case LayerGeometryType.MultiPolygon when g is Polygon poly: result = f.CreateMultiPolygon([poly]); return null;
        }
        return null; // anything else is left for the validator's "expected X, got Y"
    }
}

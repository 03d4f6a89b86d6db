using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage.Internal;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace DxGeo.Core.Workspace;

/// <summary>What is wrong with one feature for a layer: the field ('geometry' for the geometry) and why.</summary>
public sealed record FeatureProblem(string Field, string Reason);

/// <summary>
/// The checks every workspace store applies before writing a feature, public so importers can run them first and
/// report problems against their own file and feature index: geometry present, of the layer's type and CRS,
/// valid (OGC, with the reason and where), lon/lat in range for geographic CRSs; values of the field types,
/// required fields present.
/// </summary>
public static class FeatureValidator
{
    public const string GeometryField = "geometry";

    /// <summary>Null when the feature can be written to a layer of <paramref name="schema"/>.</summary>
    public static FeatureProblem? Check(LayerSchema schema, FeatureRecord feature)
    {
        var encoded = new object[schema.Fields.Count];
        return CheckGeometry(schema, feature.Geometry) ?? Encode(schema, feature, encoded);
    }

    public static FeatureProblem? CheckGeometry(LayerSchema schema, Geometry? g)
    {
        if (schema.GeometryType == LayerGeometryType.None)
            return g is null ? null : new FeatureProblem(GeometryField, $"layer '{schema.Name}' is an attribute table and takes no geometry");
        if (g is null) return new FeatureProblem(GeometryField, "geometry is missing");
        if (g.IsEmpty) return new FeatureProblem(GeometryField, "geometry is empty");
        if (!TypeMatches(schema.GeometryType, g))
            return new FeatureProblem(GeometryField, $"expected {schema.GeometryType}, got {g.GeometryType}");
        if (g.SRID > 0 && g.SRID != schema.Srid)
            return new FeatureProblem(GeometryField, $"geometry is in EPSG:{g.SRID} but layer '{schema.Name}' is in EPSG:{schema.Srid}");
        var op = new IsValidOp(g);
        if (!op.IsValid)
        {
            var e = op.ValidationError;
            var at = e.Coordinate is { } c ? $" at ({c.X.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, {c.Y.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})" : "";
            return new FeatureProblem(GeometryField, $"invalid geometry: {e.Message}{at}");
        }
        if (IsGeographic(schema.Srid))
        {
            var env = g.EnvelopeInternal;
            if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)
                return new FeatureProblem(GeometryField,
                    $"coordinates ({env.MinX:G6}, {env.MinY:G6})–({env.MaxX:G6}, {env.MaxY:G6}) are outside lon/lat range for EPSG:{schema.Srid}: is the CRS right, or are x and y swapped?");
        }
        return null;
    }

    /// <summary>Checks and converts the values into <paramref name="encoded"/> (storage form, DBNull for null).</summary>
    internal static FeatureProblem? Encode(LayerSchema schema, FeatureRecord feature, object[] encoded)
    {
        var fields = schema.Fields;
        if (feature.Values.Length > fields.Count)
            return new FeatureProblem(fields.Count > 0 ? fields[^1].Name : "(values)",
                $"{feature.Values.Length} values given but layer '{schema.Name}' has {fields.Count} fields");
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var v = i < feature.Values.Length ? feature.Values[i] : null;
            if (v is null || v is DBNull)
            {
                if (!f.Nullable) return new FeatureProblem(f.Name, "value is required");
                encoded[i] = DBNull.Value;
                continue;
            }
            if (ValueCodec.TryEncode(f.Type, v, out var e) is { } reason) return new FeatureProblem(f.Name, reason);
            encoded[i] = e;
        }
        return null;
    }

    private static bool TypeMatches(LayerGeometryType t, Geometry g) => t switch
    {
        LayerGeometryType.Geometry => true,
        LayerGeometryType.Point => g is Point,
        LayerGeometryType.LineString => g is LineString,
        LayerGeometryType.Polygon => g is Polygon,
        LayerGeometryType.MultiPoint => g is MultiPoint,
        LayerGeometryType.MultiLineString => g is MultiLineString,
        LayerGeometryType.MultiPolygon => g is MultiPolygon,
        _ => false,
    };

    private static bool IsGeographic(int srid) => Crs.CrsRegistry.Default.IsKnown(srid) && Crs.CrsRegistry.Default.IsGeographic(srid);
}

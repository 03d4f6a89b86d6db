using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>Decodes one row of <see cref="LayerMeta.SelectList"/> into a FeatureRecord, naming the fid and field on bad data.</summary>
internal static class RowReader
{
    public static FeatureRecord Read(SqliteDataReader r, LayerMeta layer, GeometryDecoder geometryReader, string file)
    {
        var fid = r.GetInt64(0);
        NetTopologySuite.Geometries.Geometry? geometry = null;
        if (layer.GeomColumn is not null && !r.IsDBNull(1))
        {
            try { geometry = geometryReader.Read(r.GetFieldValue<byte[]>(1)); }
            catch (Exception e) when (e is not DxGeoException)
            {
                throw new InputDataException($"layer '{layer.Name}', fid {fid}: unreadable geometry blob ({e.Message})",
                    file: file, field: layer.GeomColumn, inner: e);
            }
        }
        var fields = layer.Schema.Fields;
        var values = new object?[fields.Count];
        var first = layer.FirstFieldOrdinal;
        for (var i = 0; i < values.Length; i++)
        {
            try { values[i] = ValueCodec.Decode(fields[i].Type, r, first + i); }
            catch (FormatException e)
            {
                throw new InputDataException($"layer '{layer.Name}', fid {fid}: {e.Message}", file: file, field: fields[i].Name, inner: e);
            }
        }
        return new FeatureRecord(geometry, values, fid);
    }
}

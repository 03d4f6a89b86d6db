using System.Globalization;
using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Turns a <see cref="FeatureQuery"/> into SQL and its parameters. The SQL text depends only on the query's shape
/// (which filters are present), so commands are prepared once per shape and reused with new parameter values.
/// A bounding box goes through the R-tree (<c>fid IN (SELECT id FROM rtree_… WHERE …)</c>) and is then checked
/// exactly against the geometry's envelope, since the R-tree stores float32 bounds rounded outwards.
/// </summary>
internal static class QuerySql
{
    public readonly record struct Built(string Sql, List<(string Name, object Value)> Parameters);

    public static Built Select(LayerMeta layer, FeatureQuery? q)
    {
        var sb = new StringBuilder("SELECT ").Append(layer.SelectList).Append(" FROM ").Append(layer.Table);
        var p = new List<(string, object)>();
        Where(sb, layer, q, p);
        sb.Append(" ORDER BY ").Append(Sql.Id(layer.FidColumn));
        if (q is not null && (q.Limit is not null || q.Offset > 0))
        {
            if (q.Offset < 0) throw new DxGeoException($"offset {q.Offset} is negative");
            if (q.Limit is < 0) throw new DxGeoException($"limit {q.Limit} is negative");
            sb.Append(" LIMIT @lim OFFSET @off");
            p.Add(("@lim", q.Limit ?? -1L));
            p.Add(("@off", q.Offset));
        }
        return new Built(sb.ToString(), p);
    }

    /// <summary>Counts what <see cref="Select"/> would return, ignoring Offset and Limit (the "number matched").</summary>
    public static Built Count(LayerMeta layer, FeatureQuery? q)
    {
        var sb = new StringBuilder("SELECT count(*) FROM ").Append(layer.Table);
        var p = new List<(string, object)>();
        Where(sb, layer, q, p);
        return new Built(sb.ToString(), p);
    }

    public static string ByFid(LayerMeta layer) =>
        $"SELECT {layer.SelectList} FROM {layer.Table} WHERE {Sql.Id(layer.FidColumn)} = @fid";

    private static void Where(StringBuilder sb, LayerMeta layer, FeatureQuery? q, List<(string, object)> p)
    {
        if (q is null) return;
        var and = " WHERE ";
        if (q.BoundingBox is { IsNull: false } box)
        {
            if (layer.GeomColumn is null) throw new DxGeoException($"layer '{layer.Name}' has no geometry: a bounding box does not apply");
            var g = Sql.Id(layer.GeomColumn);
            if (layer.RtreeTable is not null)
            {
                sb.Append(and).Append(Sql.Id(layer.FidColumn)).Append(" IN (SELECT id FROM ").Append(Sql.Id(layer.RtreeTable))
                  .Append(" WHERE minx <= @maxx AND maxx >= @minx AND miny <= @maxy AND maxy >= @miny)");
                and = " AND ";
            }
            sb.Append(and).Append($"ST_MaxX({g}) >= @minx AND ST_MinX({g}) <= @maxx AND ST_MaxY({g}) >= @miny AND ST_MinY({g}) <= @maxy");
            and = " AND ";
            p.Add(("@minx", box.MinX)); p.Add(("@maxx", box.MaxX)); p.Add(("@miny", box.MinY)); p.Add(("@maxy", box.MaxY));
        }
        if (q.AttributeEquals is { Count: > 0 } eq)
        {
            var n = 0;
            foreach (var (name, value) in eq)
            {
                var f = layer.Schema.Find(name) ?? throw new DxGeoException($"layer '{layer.Name}' has no field '{name}'");
                sb.Append(and).Append(Sql.Id(f.Name));
                and = " AND ";
                if (value is null) { sb.Append(" IS NULL"); continue; }
                if (ValueCodec.TryEncode(f.Type, value, out var encoded) is { } reason)
                    throw new DxGeoException($"filter on layer '{layer.Name}', field '{f.Name}': {reason}");
                var pn = "@a" + n++.ToString(CultureInfo.InvariantCulture);
                sb.Append(" = ").Append(pn);
                p.Add((pn, encoded));
            }
        }
        if (q.TimeFrom is not null || q.TimeTo is not null)
        {
            var tf = layer.Schema.TimeField is { } tn ? layer.Schema.Find(tn) : null;
            if (tf is null) throw new DxGeoException($"layer '{layer.Name}' has no time field: a time range does not apply");
            var col = Sql.Id(tf.Name);
            // Normalise the stored text before comparing, so '…Z' and '….000Z' spellings compare as the same instant.
            var expr = tf.Type == FieldType.Date ? $"date({col})" : $"strftime('%Y-%m-%dT%H:%M:%fZ', {col})";
            if (q.TimeFrom is { } from)
            {
                sb.Append(and).Append(expr).Append(" >= @tfrom"); and = " AND ";
                p.Add(("@tfrom", Bound(tf.Type, from)));
            }
            if (q.TimeTo is { } to)
            {
                sb.Append(and).Append(expr).Append(" <= @tto");
                p.Add(("@tto", Bound(tf.Type, to)));
            }
        }
    }

    private static string Bound(FieldType t, DateTimeOffset v) => t == FieldType.Date
        ? v.UtcDateTime.ToString(ValueCodec.DateFormat, CultureInfo.InvariantCulture)
        : ValueCodec.FormatDateTime(v);

    public static void Bind(SqliteCommand cmd, List<(string Name, object Value)> parameters)
    {
        if (cmd.Parameters.Count == 0)
            foreach (var (n, v) in parameters) cmd.Parameters.AddWithValue(n, v);
        else
            foreach (var (n, v) in parameters) cmd.Parameters[n].Value = v;
    }
}

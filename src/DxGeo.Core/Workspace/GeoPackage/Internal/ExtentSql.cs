using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>The exact extent of a layer from its geometry envelopes (not from the R-tree, whose float32 bounds are rounded outwards).</summary>
internal static class ExtentSql
{
    public static Envelope? Compute(SqliteConnection c, LayerMeta m)
    {
        if (m.GeomColumn is null) return null;
        var g = Sql.Id(m.GeomColumn);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT min(ST_MinX({g})), max(ST_MaxX({g})), min(ST_MinY({g})), max(ST_MaxY({g})) FROM {m.Table}";
        using var r = cmd.ExecuteReader();
        if (!r.Read() || r.IsDBNull(0)) return null;
        return new Envelope(r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3));
    }
}

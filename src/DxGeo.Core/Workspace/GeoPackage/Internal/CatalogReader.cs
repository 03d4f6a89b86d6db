using DxGeo.Core.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Builds the layer catalog from gpkg_contents, gpkg_geometry_columns, PRAGMA table_info, gpkg_data_columns and our
/// the DxGeo entries in gpkg_metadata. Layers written by DxGeo round-trip their full schema; layers from other tools (ogr2ogr, QGIS) get
/// a schema inferred from the declared column types (BLOB and unknown column types are left out).
/// </summary>
internal static class CatalogReader
{
    private sealed record ContentsRow(string Table, string DataType, string? Identifier, string? Description,
        string? GeomColumn, string? GeomType, int? Srid, Envelope? Extent);

    public static Dictionary<string, LayerMeta> Load(SqliteConnection c)
    {
        var rows = ReadContents(c);
        var platform = PlatformMetadata.ReadAll(c);
        var descriptions = Sql.TableExists(c, "gpkg_data_columns") ? ReadDescriptions(c) : new Dictionary<(string, string), string>();
        var result = new Dictionary<string, LayerMeta>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var meta = Build(c, row, platform.GetValueOrDefault(row.Table), descriptions);
            if (meta is not null) result[row.Table] = meta;
        }
        return result;
    }

    private static List<ContentsRow> ReadContents(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT c.table_name, c.data_type, c.identifier, c.description, g.column_name, g.geometry_type_name, g.srs_id,
                   c.min_x, c.min_y, c.max_x, c.max_y
            FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name)
            WHERE c.data_type IN ('features', 'attributes') ORDER BY c.table_name
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<ContentsRow>();
        while (r.Read())
        {
            Envelope? extent = null;
            if (!r.IsDBNull(7) && !r.IsDBNull(8) && !r.IsDBNull(9) && !r.IsDBNull(10))
                extent = new Envelope(r.GetDouble(7), r.GetDouble(9), r.GetDouble(8), r.GetDouble(10));
            list.Add(new ContentsRow(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5),
                r.IsDBNull(6) ? null : r.GetInt32(6), extent));
        }
        return list;
    }

    private static Dictionary<(string, string), string> ReadDescriptions(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT lower(table_name), lower(column_name), description FROM gpkg_data_columns WHERE description IS NOT NULL";
        using var r = cmd.ExecuteReader();
        var d = new Dictionary<(string, string), string>();
        while (r.Read()) d[(r.GetString(0), r.GetString(1))] = r.GetString(2);
        return d;
    }

    private static LayerMeta? Build(SqliteConnection c, ContentsRow row, PlatformMetadata.Entry? platform, Dictionary<(string, string), string> descriptions)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA table_info({Sql.Id(row.Table)})";
        using var r = cmd.ExecuteReader();
        string? fid = null;
        var fields = new List<FieldDefinition>();
        var columns = new List<(string Name, string Type, bool NotNull, bool Pk)>();
        while (r.Read()) columns.Add((r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2), r.GetInt64(3) != 0, r.GetInt64(5) == 1));
        if (columns.Count == 0) return null; // registered but missing table: nothing to read
        foreach (var col in columns)
        {
            if (col.Pk && col.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase)) { fid ??= col.Name; continue; }
            if (row.GeomColumn is not null && col.Name.Equals(row.GeomColumn, StringComparison.OrdinalIgnoreCase)) continue;
            if (ValueCodec.FromDeclared(col.Type) is not { } type) continue;
            descriptions.TryGetValue((row.Table.ToLowerInvariant(), col.Name.ToLowerInvariant()), out var description);
            fields.Add(new FieldDefinition(col.Name, type, !col.NotNull, description));
        }
        // Views and tables without an INTEGER PRIMARY KEY still have a rowid.
        fid ??= "rowid";

        var isFeatures = row.DataType == "features" && row.GeomColumn is not null;
        var schema = new LayerSchema
        {
            Name = row.Table,
            GeometryType = isFeatures ? LayerMeta.FromGpkgTypeName(row.GeomType!) : LayerGeometryType.None,
            // An attribute table has no CRS; it reads back with the schema default so platform tables round-trip.
            Srid = isFeatures ? row.Srid ?? 0 : Crs.Epsg.Wgs84,
            Fields = fields,
            Title = platform is not null ? platform.Title : row.Identifier == row.Table ? null : row.Identifier,
            Description = platform is not null ? platform.Description : string.IsNullOrEmpty(row.Description) ? null : row.Description,
            IdField = platform?.IdField,
            TimeField = platform?.TimeField,
        };
        string? rtree = null;
        if (isFeatures && Sql.TableExists(c, LayerMeta.RtreeName(row.Table, row.GeomColumn!)))
            rtree = LayerMeta.RtreeName(row.Table, row.GeomColumn!);
        return new LayerMeta(schema, fid, isFeatures ? row.GeomColumn : null, rtree, row.Extent);
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Creates and drops layers the way GDAL does: the table (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom of the
/// layer's type), its rows in gpkg_contents / gpkg_geometry_columns, and the R-tree spatial index extension with
/// the six triggers that keep it in sync (GeoPackage 1.3, F.3).
/// </summary>
internal static class LayerDdl
{
    public const string FidColumn = "fid";
    public const string GeomColumn = "geom";
    private const string RtreeExtension = "http://www.geopackage.org/spec120/#extension_rtree";

    public static void CheckSchema(LayerSchema s)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) throw new DxGeoException("a layer needs a name");
        foreach (var prefix in new[] { "gpkg_", "rtree_", "sqlite_" })
            if (s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                throw new DxGeoException($"layer name '{s.Name}' is reserved (names starting '{prefix}' belong to GeoPackage/SQLite)");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { FidColumn };
        if (s.GeometryType != LayerGeometryType.None) seen.Add(GeomColumn);
        foreach (var f in s.Fields)
        {
            if (string.IsNullOrWhiteSpace(f.Name)) throw new DxGeoException($"layer '{s.Name}': a field has no name");
            if (!seen.Add(f.Name))
                throw new DxGeoException($"layer '{s.Name}': field '{f.Name}' is duplicated or uses a reserved column name (fid, geom)");
        }
        CheckFieldRef(s, s.IdField, "IdField", null);
        CheckFieldRef(s, s.TimeField, "TimeField", [FieldType.Date, FieldType.DateTime]);
        foreach (var f in s.LookupFields) CheckFieldRef(s, f, "LookupFields", null);
        if (s.GeometryType != LayerGeometryType.None)
        {
            try { _ = Crs.CrsRegistry.Default.GetWkt(s.Srid); }
            catch (Crs.UnknownCrsException e) { throw new Crs.UnknownCrsException($"layer '{s.Name}': {e.Message}"); }
        }
    }

    private static void CheckFieldRef(LayerSchema s, string? field, string what, FieldType[]? types)
    {
        if (field is null) return;
        var f = s.Find(field) ?? throw new DxGeoException($"layer '{s.Name}': {what} '{field}' is not one of its fields");
        if (types is not null && !types.Contains(f.Type))
            throw new DxGeoException($"layer '{s.Name}': {what} '{field}' must be a Date or DateTime field, not {f.Type}");
    }

    public static void Create(SqliteConnection c, LayerSchema s)
    {
        CheckSchema(s);
        var hasGeom = s.GeometryType != LayerGeometryType.None;
        var t = Sql.Id(s.Name);
        var cols = new List<string> { $"{Sql.Id(FidColumn)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL" };
        if (hasGeom) cols.Add($"{Sql.Id(GeomColumn)} {LayerMeta.GpkgTypeName(s.GeometryType)}");
        cols.AddRange(s.Fields.Select(f => $"{Sql.Id(f.Name)} {ValueCodec.SqlType(f.Type)}{(f.Nullable ? "" : " NOT NULL")}"));
        Sql.Exec(c, $"CREATE TABLE {t} ({string.Join(", ", cols)})");
        // Lookups by business id (pipe_id, bridge_id…) are common: index it so they are not full scans.
        foreach (var key in (s.IdField is { } idField ? s.LookupFields.Prepend(idField) : s.LookupFields).Distinct(StringComparer.OrdinalIgnoreCase))
            Sql.Exec(c, $"CREATE INDEX {Sql.Id($"idx_{s.Name}_{key}")} ON {t} ({Sql.Id(s.Find(key)!.Name)})");

        if (hasGeom) GpkgBootstrap.EnsureSrs(c, s.Srid);
        Sql.Exec(c, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (@t, @dt, @id, @d, @srs)",
            ("@t", s.Name), ("@dt", hasGeom ? "features" : "attributes"), ("@id", UniqueIdentifier(c, s)),
            ("@d", s.Description ?? ""), ("@srs", hasGeom ? s.Srid : null));
        if (hasGeom)
        {
            Sql.Exec(c, "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (@t, @g, @type, @srs, 0, 0)",
                ("@t", s.Name), ("@g", GeomColumn), ("@type", LayerMeta.GpkgTypeName(s.GeometryType)), ("@srs", s.Srid));
            CreateRtree(c, s.Name, GeomColumn);
        }

        PlatformMetadata.Write(c, s.Name, new PlatformMetadata.Entry(s.Title, s.Description, s.IdField, s.TimeField));
        if (s.Fields.Any(f => f.Description is not null))
        {
            GpkgBootstrap.EnsureSchemaExtension(c);
            foreach (var f in s.Fields.Where(f => f.Description is not null))
                Sql.Exec(c, "INSERT INTO gpkg_data_columns (table_name, column_name, name, description) VALUES (@t, @c, @c, @d)",
                    ("@t", s.Name), ("@c", f.Name), ("@d", f.Description));
        }
    }

    /// <summary>gpkg_contents.identifier is UNIQUE: the title when free, else the table name (always unique).</summary>
    private static string UniqueIdentifier(SqliteConnection c, LayerSchema s)
    {
        if (s.Title is null) return s.Name;
        var taken = Sql.Scalar(c, "SELECT 1 FROM gpkg_contents WHERE identifier = @i", ("@i", s.Title)) is not null;
        return taken ? s.Name : s.Title;
    }

    private static void CreateRtree(SqliteConnection c, string table, string geom)
    {
        var rtreeName = LayerMeta.RtreeName(table, geom);
        var r = Sql.Id(rtreeName);
        var t = Sql.Id(table);
        var g = Sql.Id(geom);
        var i = Sql.Id(FidColumn);
        var values = $"(NEW.{i}, ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}), ST_MinY(NEW.{g}), ST_MaxY(NEW.{g}))";
        Sql.Exec(c, $"CREATE VIRTUAL TABLE {r} USING rtree(id, minx, maxx, miny, maxy)");
        Sql.Exec(c, $"""
            CREATE TRIGGER {Sql.Id(rtreeName + "_insert")} AFTER INSERT ON {t} WHEN (new.{g} NOT NULL AND NOT ST_IsEmpty(NEW.{g}))
              BEGIN INSERT OR REPLACE INTO {r} VALUES {values}; END;
            CREATE TRIGGER {Sql.Id(rtreeName + "_update1")} AFTER UPDATE OF {g} ON {t} WHEN OLD.{i} = NEW.{i} AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
              BEGIN INSERT OR REPLACE INTO {r} VALUES {values}; END;
            CREATE TRIGGER {Sql.Id(rtreeName + "_update2")} AFTER UPDATE OF {g} ON {t} WHEN OLD.{i} = NEW.{i} AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
              BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            CREATE TRIGGER {Sql.Id(rtreeName + "_update3")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
              BEGIN DELETE FROM {r} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {r} VALUES {values}; END;
            CREATE TRIGGER {Sql.Id(rtreeName + "_update4")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
              BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END;
            CREATE TRIGGER {Sql.Id(rtreeName + "_delete")} AFTER DELETE ON {t} WHEN old.{g} NOT NULL
              BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            """);
        Sql.Exec(c, "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (@t, @g, 'gpkg_rtree_index', @def, 'write-only')",
            ("@t", table), ("@g", geom), ("@def", RtreeExtension));
    }

    /// <summary>Drops the table, its index and every registration of it (the triggers go with the table).</summary>
    public static void Drop(SqliteConnection c, LayerMeta layer)
    {
        var name = layer.Name;
        if (layer.RtreeTable is not null) Sql.Exec(c, $"DROP TABLE IF EXISTS {Sql.Id(layer.RtreeTable)}");
        Sql.Exec(c, $"DROP TABLE IF EXISTS {layer.Table}");
        Sql.Exec(c, "DELETE FROM gpkg_extensions WHERE lower(table_name) = lower(@t)", ("@t", name));
        Sql.Exec(c, "DELETE FROM gpkg_geometry_columns WHERE lower(table_name) = lower(@t)", ("@t", name));
        PlatformMetadata.Delete(c, name);
        foreach (var table in new[] { "gpkg_data_columns", "gpkg_ogr_contents" })
            if (Sql.TableExists(c, table))
                Sql.Exec(c, $"DELETE FROM {table} WHERE lower(table_name) = lower(@t)", ("@t", name));
        Sql.Exec(c, "DELETE FROM gpkg_contents WHERE lower(table_name) = lower(@t)", ("@t", name));
    }
}

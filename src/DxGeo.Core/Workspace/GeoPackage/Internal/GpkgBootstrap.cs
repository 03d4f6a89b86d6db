using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// The tables every GeoPackage 1.3 file has (OGC 12-128r18, clauses 1.1 and 2.1), with the same DDL GDAL writes,
/// plus the schema extension tables (gpkg_data_columns) that hold field descriptions.
/// </summary>
internal static class GpkgBootstrap
{
    public const int ApplicationId = 0x47504B47; // "GPKG"
    public const int UserVersion = 10300;        // GeoPackage 1.3.0

    private const string CoreDdl = """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
          description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
          scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
        """;

    private const string SchemaExtensionDdl = """
        CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT,
          description TEXT, mime_type TEXT, constraint_name TEXT,
          CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, name));
        CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL,
          value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT,
          CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
        INSERT INTO gpkg_extensions SELECT 'gpkg_data_columns', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', 'read-write'
          WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE table_name = 'gpkg_data_columns' AND extension_name = 'gpkg_schema');
        INSERT INTO gpkg_extensions SELECT 'gpkg_data_column_constraints', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', 'read-write'
          WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE table_name = 'gpkg_data_column_constraints' AND extension_name = 'gpkg_schema');
        """;

    /// <summary>Writes the core tables into a new, empty database (inside the caller's transaction).</summary>
    public static void CreateCore(SqliteConnection c)
    {
        Sql.Exec(c, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion};");
        Sql.Exec(c, CoreDdl);
        EnsureSrs(c, Crs.Epsg.Wgs84);
    }

    public static void EnsureSchemaExtension(SqliteConnection c) => Sql.Exec(c, SchemaExtensionDdl);

    /// <summary>Registers an EPSG CRS in gpkg_spatial_ref_sys (GDAL's WKT1 from the CRS registry) if the file does not have it yet.</summary>
    public static void EnsureSrs(SqliteConnection c, int epsg)
    {
        if (Sql.Scalar(c, "SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = @id", ("@id", epsg)) is not null) return;
        var description = epsg == Crs.Epsg.Wgs84 ? "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid" : null;
        Sql.Exec(c, "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) " +
                    "VALUES (@name, @id, 'EPSG', @id, @wkt, @desc)",
            ("@name", Crs.CrsRegistry.Default.Name(epsg)), ("@id", epsg), ("@wkt", Crs.CrsRegistry.Default.GetWkt(epsg)), ("@desc", description));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// What a LayerSchema carries beyond the GeoPackage tables (title, description, id and time fields), stored with the
/// standard Metadata extension (gpkg_metadata + gpkg_metadata_reference, scope 'table') as JSON. A table of our own
/// would be listed by GDAL and QGIS as a layer; metadata rows are not.
/// </summary>
internal static class PlatformMetadata
{
    public const string StandardUri = "urn:dxgeo:layer-schema:1";
    private const string ExtensionUri = "http://www.geopackage.org/spec120/#extension_metadata";

    internal sealed record Entry(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("id_field")] string? IdField,
        [property: JsonPropertyName("time_field")] string? TimeField);

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
          md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
        CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
          timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
          CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
          CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
        """;

    public static void Write(SqliteConnection c, string table, Entry entry)
    {
        Sql.Exec(c, Ddl);
        foreach (var t in new[] { "gpkg_metadata", "gpkg_metadata_reference" })
            Sql.Exec(c, "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) " +
                        "SELECT @t, NULL, 'gpkg_metadata', @def, 'read-write' WHERE NOT EXISTS " +
                        "(SELECT 1 FROM gpkg_extensions WHERE table_name = @t AND extension_name = 'gpkg_metadata')",
                ("@t", t), ("@def", ExtensionUri));
        Delete(c, table);
        var json = JsonSerializer.Serialize(entry);
        var id = (long)Sql.Scalar(c, "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) " +
                                     "VALUES ('dataset', @uri, 'application/json', @json) RETURNING id", ("@uri", StandardUri), ("@json", json))!;
        Sql.Exec(c, "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ('table', @t, @id)",
            ("@t", table), ("@id", id));
    }

    public static void Delete(SqliteConnection c, string table)
    {
        if (!Sql.TableExists(c, "gpkg_metadata_reference")) return;
        const string ours = "SELECT r.md_file_id FROM gpkg_metadata_reference r JOIN gpkg_metadata m ON m.id = r.md_file_id " +
                            "WHERE r.reference_scope = 'table' AND lower(r.table_name) = lower(@t) AND m.md_standard_uri = @uri";
        var ids = new List<long>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = ours;
            cmd.Parameters.AddWithValue("@t", table);
            cmd.Parameters.AddWithValue("@uri", StandardUri);
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetInt64(0));
        }
        foreach (var id in ids)
        {
            Sql.Exec(c, "DELETE FROM gpkg_metadata_reference WHERE md_file_id = @id", ("@id", id));
            Sql.Exec(c, "DELETE FROM gpkg_metadata WHERE id = @id", ("@id", id));
        }
    }

    public static Dictionary<string, Entry> ReadAll(SqliteConnection c)
    {
        var d = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        if (!Sql.TableExists(c, "gpkg_metadata_reference") || !Sql.TableExists(c, "gpkg_metadata")) return d;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT r.table_name, m.metadata FROM gpkg_metadata_reference r JOIN gpkg_metadata m ON m.id = r.md_file_id " +
                          "WHERE r.reference_scope = 'table' AND m.md_standard_uri = @uri";
        cmd.Parameters.AddWithValue("@uri", StandardUri);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (r.IsDBNull(0)) continue;
            try
            {
                if (JsonSerializer.Deserialize<Entry>(r.GetString(1)) is { } e) d[r.GetString(0)] = e;
            }
            catch (JsonException) { } // damaged by hand: fall back to the schema inferred from the GeoPackage tables
        }
        return d;
    }
}

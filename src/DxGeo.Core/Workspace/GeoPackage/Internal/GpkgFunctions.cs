using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Registers the SQL functions the GeoPackage R-tree triggers call (ST_IsEmpty, ST_MinX/MaxX/MinY/MaxY).
/// Without them every insert into a spatially indexed table fails. Registered through SQLitePCL directly so the
/// blob is read as a span (Microsoft.Data.Sqlite's CreateFunction would copy it into a new array on every call).
/// </summary>
internal static class GpkgFunctions
{
    private const int Flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;

    public static void Register(SqliteConnection connection)
    {
        var db = connection.Handle!;
        Check(raw.sqlite3_create_function(db, "ST_IsEmpty", 1, Flags, null, IsEmpty));
        Check(raw.sqlite3_create_function(db, "ST_MinX", 1, Flags, null, (c, _, a) => Bound(c, a, 0)));
        Check(raw.sqlite3_create_function(db, "ST_MaxX", 1, Flags, null, (c, _, a) => Bound(c, a, 1)));
        Check(raw.sqlite3_create_function(db, "ST_MinY", 1, Flags, null, (c, _, a) => Bound(c, a, 2)));
        Check(raw.sqlite3_create_function(db, "ST_MaxY", 1, Flags, null, (c, _, a) => Bound(c, a, 3)));
    }

    private static void IsEmpty(sqlite3_context ctx, object user, sqlite3_value[] args)
    {
        if (raw.sqlite3_value_type(args[0]) == raw.SQLITE_NULL) { raw.sqlite3_result_null(ctx); return; }
        if (!GpkgBlob.TryEnvelope(raw.sqlite3_value_blob(args[0]), out var empty, out _, out _, out _, out _))
        {
            raw.sqlite3_result_null(ctx);
            return;
        }
        raw.sqlite3_result_int(ctx, empty ? 1 : 0);
    }

    private static void Bound(sqlite3_context ctx, sqlite3_value[] args, int which)
    {
        if (raw.sqlite3_value_type(args[0]) != raw.SQLITE_BLOB
            || !GpkgBlob.TryEnvelope(raw.sqlite3_value_blob(args[0]), out var empty, out var minX, out var maxX, out var minY, out var maxY)
            || empty)
        {
            raw.sqlite3_result_null(ctx);
            return;
        }
        raw.sqlite3_result_double(ctx, which switch { 0 => minX, 1 => maxX, 2 => minY, _ => maxY });
    }

    private static void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"registering GeoPackage SQL functions failed (SQLite {rc})");
    }
}

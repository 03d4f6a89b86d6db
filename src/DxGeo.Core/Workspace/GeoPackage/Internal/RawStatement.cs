using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// A prepared statement driven through SQLitePCL directly, for the per-feature write path. SqliteCommand looks every
/// parameter up by name and builds a data reader on each execution; here parameters bind by position and blobs bind
/// from a span, so a reused buffer needs no per-feature array. Errors surface as <see cref="SqliteException"/>.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK) throw Error(rc);
        ParameterCount = raw.sqlite3_bind_parameter_count(_stmt);
    }

    public int ParameterCount { get; }

    /// <summary>Binds parameter <paramref name="index"/> (0-based) from a stored value: long, double, string, bool, byte[] or null/DBNull.</summary>
    public void Bind(int index, object? value)
    {
        var i = index + 1;
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_stmt, i),
            long l => raw.sqlite3_bind_int64(_stmt, i, l),
            double d => raw.sqlite3_bind_double(_stmt, i, d),
            string s => raw.sqlite3_bind_text(_stmt, i, s),
            bool b => raw.sqlite3_bind_int64(_stmt, i, b ? 1 : 0),
            byte[] bytes => raw.sqlite3_bind_blob(_stmt, i, bytes),
            _ => throw new ArgumentException($"cannot bind a {value.GetType().Name}", nameof(value)),
        };
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index + 1, value));

    public void Bind(int index, double value) => Check(raw.sqlite3_bind_double(_stmt, index + 1, value));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    public void BindBlob(int index, ReadOnlySpan<byte> blob)
    {
        var rc = raw.sqlite3_bind_blob(_stmt, index + 1, blob);
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    /// <summary>Runs the statement (which returns no rows) and returns the number of rows changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) throw Error(rc);
        return raw.sqlite3_changes(_db);
    }

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    private SqliteException Error(int rc) =>
        new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));

    public void Dispose() => _stmt.Dispose();
}

using DxGeo.Core.Errors;
using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>Opens SQLite connections to the workspace file with what every one of them needs.</summary>
internal static class Connections
{
    /// <summary>Opens an existing file (never creates one). Pooling is off so closing really closes the file:
    /// the last close checkpoints the WAL and removes the -wal/-shm files, leaving one self-contained .gpkg.</summary>
    public static SqliteConnection Open(string path, bool create = false, bool readOnly = false)
    {
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString();
        var c = new SqliteConnection(cs);
        try
        {
            c.Open();
            GpkgFunctions.Register(c);
        }
        catch (SqliteException e)
        {
            c.Dispose();
            throw new DxGeoException($"{path}: cannot open the workspace ({e.Message})", e);
        }
        return c;
    }
}

/// <summary>
/// A reader connection with its prepared commands, kept for reuse: one per concurrent reader, since a SQLite
/// connection serves one thread at a time. Commands are keyed by SQL text (one per query shape).
/// </summary>
internal sealed class ReaderConnection(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    public SqliteConnection Connection { get; } = connection;
    public GeometryDecoder GeometryReader { get; } = new();

    public SqliteCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var cmd)) return cmd;
        cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        if (_commands.Count > 256)
        {
            foreach (var old in _commands.Values) old.Dispose();
            _commands.Clear();
        }
        _commands[sql] = cmd;
        return cmd;
    }

    public void Dispose()
    {
        foreach (var c in _commands.Values) c.Dispose();
        _commands.Clear();
        Connection.Dispose();
    }
}

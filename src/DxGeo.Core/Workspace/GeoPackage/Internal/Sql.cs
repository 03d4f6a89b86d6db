using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>Small SQL helpers: identifier/literal quoting and one-shot commands.</summary>
internal static class Sql
{
    /// <summary>Quotes an identifier ("name" with inner quotes doubled): layer and field names may be any Unicode.</summary>
    public static string Id(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>Quotes a string literal ('text' with inner quotes doubled), for trigger bodies that cannot take parameters.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    public static int Exec(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, sql, args);
        return cmd.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, sql, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public static bool TableExists(SqliteConnection c, string name) =>
        Scalar(c, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND lower(name) = lower(@n)", ("@n", name)) is not null;

    private static SqliteCommand Command(SqliteConnection c, string sql, (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return cmd;
    }
}

using System.Globalization;
using DxGeo.Core.Features;
using Microsoft.Data.Sqlite;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Field values between our CLR types and GeoPackage columns: INTEGER (GDAL: Integer64), REAL, TEXT,
/// DATE ('YYYY-MM-DD'), DATETIME ('YYYY-MM-DDTHH:MM:SS.SSSZ', UTC) and BOOLEAN (0/1), as the spec and GDAL write them.
/// </summary>
internal static class ValueCodec
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string SqlType(FieldType t) => t switch
    {
        FieldType.Integer => "INTEGER",
        FieldType.Real => "REAL",
        FieldType.Text => "TEXT",
        FieldType.Date => "DATE",
        FieldType.DateTime => "DATETIME",
        FieldType.Boolean => "BOOLEAN",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>Our field type for a declared column type (GeoPackage 1.3 table 1, plus common SQLite spellings); null for BLOB and unknown.</summary>
    public static FieldType? FromDeclared(string declared)
    {
        var d = declared.Trim().ToUpperInvariant();
        var paren = d.IndexOf('(');
        if (paren >= 0) d = d[..paren].Trim();
        return d switch
        {
            "INTEGER" or "INT" or "MEDIUMINT" or "SMALLINT" or "TINYINT" or "BIGINT" => FieldType.Integer,
            "REAL" or "DOUBLE" or "FLOAT" or "NUMERIC" => FieldType.Real,
            "TEXT" or "VARCHAR" or "CHAR" or "CLOB" => FieldType.Text,
            "DATE" => FieldType.Date,
            "DATETIME" or "TIMESTAMP" => FieldType.DateTime,
            "BOOLEAN" or "BOOL" => FieldType.Boolean,
            _ => null,
        };
    }

    /// <summary>Converts a CLR value for storage; returns the reason when the value does not fit the field type.</summary>
    public static string? TryEncode(FieldType t, object value, out object encoded)
    {
        encoded = DBNull.Value;
        switch (t)
        {
            case FieldType.Integer:
                switch (value)
                {
                    case long l: encoded = l; return null;
                    case int i: encoded = (long)i; return null;
                    case short s: encoded = (long)s; return null;
                    case byte b: encoded = (long)b; return null;
                    case uint u: encoded = (long)u; return null;
                    case sbyte sb: encoded = (long)sb; return null;
                    case ushort us: encoded = (long)us; return null;
                }
                break;
            case FieldType.Real:
                double d;
                switch (value)
                {
                    case double x: d = x; break;
                    case float f: d = f; break;
                    case decimal m: d = (double)m; break;
                    case long l: d = l; break;
                    case int i: d = i; break;
                    default: return Wrong(t, value);
                }
                if (!double.IsFinite(d)) return $"{d.ToString(CultureInfo.InvariantCulture)} is not a finite number";
                encoded = d;
                return null;
            case FieldType.Text:
                if (value is string str) { encoded = str; return null; }
                break;
            case FieldType.Date:
                switch (value)
                {
                    case DateOnly date: encoded = date.ToString(DateFormat, CultureInfo.InvariantCulture); return null;
                    case DateTime dt when dt.TimeOfDay == TimeSpan.Zero:
                        encoded = dt.ToString(DateFormat, CultureInfo.InvariantCulture); return null;
                    case DateTime: return "a date field takes a date without a time of day";
                }
                break;
            case FieldType.DateTime:
                switch (value)
                {
                    case DateTimeOffset dto: encoded = FormatDateTime(dto); return null;
                    case DateTime dt when dt.Kind == DateTimeKind.Unspecified:
                        return "a DateTime without a time zone (Kind=Unspecified) is ambiguous: give UTC or a DateTimeOffset";
                    case DateTime dt: encoded = FormatDateTime(new DateTimeOffset(dt.ToUniversalTime())); return null;
                }
                break;
            case FieldType.Boolean:
                if (value is bool bo) { encoded = bo ? 1L : 0L; return null; }
                break;
        }
        return Wrong(t, value);
    }

    public static string FormatDateTime(DateTimeOffset v) => v.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a stored value as the field's CLR type; throws FormatException with a reason for values that do not fit.</summary>
    public static object? Decode(FieldType t, SqliteDataReader r, int ordinal)
    {
        if (r.IsDBNull(ordinal)) return null;
        var storage = r.GetFieldType(ordinal);
        switch (t)
        {
            case FieldType.Integer:
                if (storage == typeof(long)) return r.GetInt64(ordinal);
                if (storage == typeof(double) && r.GetDouble(ordinal) is var dv && dv == Math.Floor(dv) && Math.Abs(dv) < 9e15) return (long)dv;
                break;
            case FieldType.Real:
                if (storage == typeof(double) || storage == typeof(long)) return r.GetDouble(ordinal);
                break;
            case FieldType.Text:
                if (storage == typeof(string)) return r.GetString(ordinal);
                if (storage == typeof(long)) return r.GetInt64(ordinal).ToString(CultureInfo.InvariantCulture);
                if (storage == typeof(double)) return r.GetDouble(ordinal).ToString("R", CultureInfo.InvariantCulture);
                break;
            case FieldType.Date:
                if (storage == typeof(string))
                {
                    var s = r.GetString(ordinal);
                    if (s.Length >= 10 && DateOnly.TryParseExact(s.AsSpan(0, 10), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        return date;
                    throw new FormatException($"'{s}' is not a date (YYYY-MM-DD)");
                }
                break;
            case FieldType.DateTime:
                if (storage == typeof(string))
                {
                    var s = r.GetString(ordinal);
                    if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
                        return dto;
                    throw new FormatException($"'{s}' is not an ISO-8601 date-time");
                }
                break;
            case FieldType.Boolean:
                if (storage == typeof(long)) return r.GetInt64(ordinal) != 0;
                break;
        }
        throw new FormatException($"stored {StorageName(storage)} value '{r.GetValue(ordinal)}' is not {Article(t)}");
    }

    private static string Wrong(FieldType t, object value) => $"{value.GetType().Name} value '{value}' is not {Article(t)}";

    private static string Article(FieldType t) => t switch
    {
        FieldType.Integer => "an integer",
        FieldType.Real => "a number",
        FieldType.Text => "text",
        FieldType.Date => "a date (DateOnly)",
        FieldType.DateTime => "a date-time (DateTimeOffset)",
        FieldType.Boolean => "a boolean",
        _ => t.ToString(),
    };

    private static string StorageName(Type storage) =>
        storage == typeof(long) ? "integer" : storage == typeof(double) ? "real" : storage == typeof(string) ? "text" : "blob";
}

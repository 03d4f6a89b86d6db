using System.Globalization;
using System.Text;
using DxGeo.Core.Features;

namespace DxGeo.Core.Import.Internal;

/// <summary>
/// Converts a source value to a field's CLR type (Integer=long, Real=double, Text=string, Date=DateOnly,
/// DateTime=DateTimeOffset UTC, Boolean=bool), accepting what municipal files contain: numbers as text (also
/// full-width １５０ and 1,234.5), dates as 2001-04-01, 2001/4/1, 20010401 or 和暦 (H13.4.1), years as 昭和53年.
/// Returns the reason when the value cannot be converted.
/// </summary>
internal static class ValueConverter
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    public static string? TryConvert(FieldType type, object? value, out object? result)
    {
        result = null;
        if (value is null) return null;
        if (value is string raw && type != FieldType.Text)
        {
            var s = raw.Trim().Normalize(NormalizationForm.FormKC);
            if (s.Length == 0) return null;
            value = s;
        }
        else if (value is string { Length: 0 }) return null;
        switch (type)
        {
            case FieldType.Text:
                result = value switch
                {
                    string s => s,
                    bool b => b ? "true" : "false",
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
                return null;
            case FieldType.Integer:
                switch (value)
                {
                    case long l: result = l; return null;
                    case int i: result = (long)i; return null;
                    case double d when double.IsFinite(d) && d == Math.Round(d) && Math.Abs(d) < 9e15: result = (long)d; return null;
                    case string s when long.TryParse(s, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var p): result = p; return null;
                    case string s when double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var pd)
                                       && pd == Math.Round(pd) && Math.Abs(pd) < 9e15: result = (long)pd; return null;
                    case string s when JapaneseEra.TryYear(s, out var year): result = (long)year; return null;
                }
                return $"'{value}' is not an integer";
            case FieldType.Real:
                switch (value)
                {
                    case double d when double.IsFinite(d): result = d; return null;
                    case long l: result = (double)l; return null;
                    case int i: result = (double)i; return null;
                    case string s when double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var p) && double.IsFinite(p):
                        result = p; return null;
                }
                return $"'{value}' is not a number";
            case FieldType.Date:
                switch (value)
                {
                    case DateOnly d: result = d; return null;
                    case DateTime dt: result = DateOnly.FromDateTime(dt); return null;
                    case DateTimeOffset dto: result = DateOnly.FromDateTime(dto.UtcDateTime); return null;
                    case long l when DateOnly.TryParseExact(l.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ld):
                        result = ld; return null;
                    case string s when DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var sd): result = sd; return null;
                    case string s when JapaneseEra.TryDate(s, out var jd): result = jd; return null;
                    case string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sdt):
                        result = DateOnly.FromDateTime(sdt.UtcDateTime); return null;
                }
                return $"'{value}' is not a date (expected e.g. 2001-04-01, 2001/4/1, 20010401 or H13.4.1)";
            case FieldType.DateTime:
                switch (value)
                {
                    case DateTimeOffset dto: result = dto.ToUniversalTime(); return null;
                    case DateTime dt: result = new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)).ToUniversalTime(); return null;
                    case DateOnly d: result = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); return null;
                    case string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var p):
                        result = p; return null;
                }
                return $"'{value}' is not a date and time (expected ISO 8601, e.g. 2024-05-01T09:30:00+09:00)";
            case FieldType.Boolean:
                switch (value)
                {
                    case bool b: result = b; return null;
                    case long l when l is 0 or 1: result = l == 1; return null;
                    case double d when d is 0 or 1: result = d == 1; return null;
                    case string s:
                        switch (s.ToLowerInvariant())
                        {
                            case "true" or "t" or "yes" or "y" or "1" or "はい" or "有" or "○": result = true; return null;
                            case "false" or "f" or "no" or "n" or "0" or "いいえ" or "無" or "×": result = false; return null;
                        }
                        break;
                }
                return $"'{value}' is not a boolean (expected true/false, 1/0, yes/no)";
            default:
                return $"unsupported field type {type}";
        }
    }
}

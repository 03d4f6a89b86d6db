using System.Text;

namespace DxGeo.Core.Formats.Shapefile;

/// <summary>
/// dBASE field names hold at most 10 bytes (in the .dbf's encoding). Longer names are cut at a character boundary
/// and made unique with a numeric suffix, in field order, so the same schema always maps to the same names
/// (e.g. install_year → install_ye, install_year_imputed → install__1 … as needed). The mapping is reported.
/// </summary>
internal static class DbfFieldNames
{
    public const int MaxBytes = 10;

    public static IReadOnlyList<string> Map(IReadOnlyList<string> names, Encoding encoding)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(names.Count);
        foreach (var name in names)
        {
            var candidate = Cut(name, MaxBytes, encoding);
            for (var k = 1; !used.Add(candidate); k++)
            {
                var suffix = "_" + k;
                candidate = Cut(name, MaxBytes - suffix.Length, encoding) + suffix;
            }
            result.Add(candidate);
        }
        return result;
    }

    /// <summary>The longest prefix of <paramref name="s"/> that encodes to at most <paramref name="maxBytes"/> bytes.</summary>
    public static string Cut(string s, int maxBytes, Encoding encoding)
    {
        if (encoding.GetByteCount(s) <= maxBytes) return s;
        var e = StringInfoEnumerator(s);
        var sb = new StringBuilder();
        foreach (var element in e)
        {
            if (encoding.GetByteCount(sb + element) > maxBytes) break;
            sb.Append(element);
        }
        return sb.ToString();
    }

    private static IEnumerable<string> StringInfoEnumerator(string s)
    {
        var it = System.Globalization.StringInfo.GetTextElementEnumerator(s);
        while (it.MoveNext()) yield return (string)it.Current;
    }
}

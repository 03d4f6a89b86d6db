using System.Globalization;
using System.Text;

namespace DxGeo.Core.Crs.Internal;

/// <summary>
/// A parsed WKT1 node: KEYWORD["name", value, CHILD[...], ...]. Tolerant reader for OGC and ESRI flavours, used to
/// identify .prj files; it does not interpret the CRS (ProjNet does that).
/// </summary>
internal sealed class WktNode
{
    public string Keyword { get; }
    /// <summary>Quoted strings, numbers and bare words, in order.</summary>
    public List<string> Values { get; } = [];
    public List<WktNode> Children { get; } = [];

    private WktNode(string keyword) => Keyword = keyword;

    public string? Name => Values.Count > 0 ? Values[0] : null;

    public WktNode? Child(string keyword) =>
        Children.FirstOrDefault(c => c.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<WktNode> ChildrenNamed(string keyword) =>
        Children.Where(c => c.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    public double? Number(int index) =>
        index < Values.Count && double.TryParse(Values[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : null;

    /// <summary>Parses one WKT node; null when the text is not well-formed WKT.</summary>
    public static WktNode? TryParse(string text)
    {
        var pos = 0;
        try
        {
            var node = ParseNode(text, ref pos);
            SkipSpace(text, ref pos);
            return pos == text.Length ? node : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static WktNode ParseNode(string s, ref int pos)
    {
        SkipSpace(s, ref pos);
        var keyword = ReadWord(s, ref pos);
        if (keyword.Length == 0) throw new FormatException("keyword expected");
        SkipSpace(s, ref pos);
        if (pos >= s.Length || (s[pos] != '[' && s[pos] != '(')) throw new FormatException("'[' expected");
        var close = s[pos] == '[' ? ']' : ')';
        pos++;
        var node = new WktNode(keyword);
        while (true)
        {
            SkipSpace(s, ref pos);
            if (pos >= s.Length) throw new FormatException("unexpected end");
            if (s[pos] == close) { pos++; return node; }
            if (s[pos] == '"')
            {
                node.Values.Add(ReadQuoted(s, ref pos));
            }
            else
            {
                var start = pos;
                var word = ReadWord(s, ref pos);
                if (word.Length == 0) throw new FormatException($"unexpected '{s[pos]}'");
                SkipSpace(s, ref pos);
                if (pos < s.Length && (s[pos] == '[' || s[pos] == '('))
                {
                    pos = start;
                    node.Children.Add(ParseNode(s, ref pos));
                }
                else
                {
                    node.Values.Add(word);
                }
            }
            SkipSpace(s, ref pos);
            if (pos < s.Length && s[pos] == ',') pos++;
        }
    }

    private static string ReadQuoted(string s, ref int pos)
    {
        var sb = new StringBuilder();
        pos++; // opening quote
        while (pos < s.Length)
        {
            if (s[pos] == '"')
            {
                if (pos + 1 < s.Length && s[pos + 1] == '"') { sb.Append('"'); pos += 2; continue; } // WKT escapes "" as "
                pos++;
                return sb.ToString();
            }
            sb.Append(s[pos++]);
        }
        throw new FormatException("unterminated string");
    }

    private static string ReadWord(string s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && (char.IsLetterOrDigit(s[pos]) || s[pos] is '_' or '.' or '-' or '+')) pos++;
        return s[start..pos];
    }

    private static void SkipSpace(string s, ref int pos)
    {
        while (pos < s.Length && (char.IsWhiteSpace(s[pos]) || s[pos] == '\uFEFF')) pos++;
    }
}

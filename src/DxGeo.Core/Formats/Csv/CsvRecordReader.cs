using System.Text;

namespace DxGeo.Core.Formats.Csv;

/// <summary>
/// RFC 4180 records from text: fields separated by a delimiter, optionally quoted with '"', a doubled quote inside
/// quotes for a quote, line breaks allowed inside quotes, CRLF or LF between records.
/// </summary>
internal sealed class CsvRecordReader(TextReader text, char delimiter)
{
    private readonly StringBuilder _field = new();

    /// <summary>Physical line (1-based) where the last record returned starts.</summary>
    public long Line { get; private set; }

    private long _nextLine = 1;

    /// <summary>The next record's fields, or null at the end. Blank lines are skipped.</summary>
    public List<string>? Read()
    {
        while (true)
        {
            Line = _nextLine;
            var first = text.Peek();
            if (first < 0) return null;
            var fields = new List<string>();
            var quoted = false;
            var wasQuoted = false;
            _field.Clear();
            while (true)
            {
                var c = text.Read();
                if (c < 0)
                {
                    if (quoted) throw new FormatException($"a quoted field starting on line {Line} is never closed");
                    break;
                }
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (text.Peek() == '"') { text.Read(); _field.Append('"'); }
                        else quoted = false;
                    }
                    else
                    {
                        if (c == '\n') _nextLine++;
                        _field.Append((char)c);
                    }
                    continue;
                }
                if (c == delimiter) { fields.Add(Take(ref wasQuoted)); continue; }
                if (c == '\r')
                {
                    if (text.Peek() == '\n') text.Read();
                    _nextLine++;
                    break;
                }
                if (c == '\n') { _nextLine++; break; }
                if (c == '"' && _field.Length == 0 && !wasQuoted) { quoted = wasQuoted = true; continue; }
                _field.Append((char)c);
            }
            fields.Add(Take(ref wasQuoted));
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            return fields;
        }
    }

    private string Take(ref bool wasQuoted)
    {
        var s = _field.ToString();
        _field.Clear();
        wasQuoted = false;
        return s;
    }
}

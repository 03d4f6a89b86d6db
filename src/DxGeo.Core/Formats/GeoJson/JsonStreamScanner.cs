using System.Text;
using System.Text.Json;

namespace DxGeo.Core.Formats.GeoJson;

/// <summary>
/// Walks a JSON file token by token over a refillable buffer, so a FeatureCollection of any size is read one
/// feature at a time: only the current feature's bytes are held. <see cref="Utf8JsonReader"/> is a ref struct and
/// cannot live across calls, so each step makes a new one over the unread bytes and carries its state forward
/// (the state also carries the line number used in syntax-error messages).
/// </summary>
internal sealed class JsonStreamScanner(Stream stream) : IDisposable
{
    private byte[] _buf = new byte[64 * 1024];
    private int _start, _end;
    private bool _eof, _bomChecked;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });

    public JsonTokenType TokenType { get; private set; } = JsonTokenType.None;
    /// <summary>The current property name or string value.</summary>
    public string? Text { get; private set; }

    /// <summary>Reads the next token; false at the end of the data.</summary>
    public bool Read()
    {
        while (true)
        {
            var r = new Utf8JsonReader(_buf.AsSpan(_start, _end - _start), _eof, _state);
            if (r.Read())
            {
                TokenType = r.TokenType;
                Text = r.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? r.GetString() : null;
                Advance(ref r);
                return true;
            }
            if (_eof) return false;
            Refill();
        }
    }

    /// <summary>Reads the next complete value (object, array or scalar) and returns its bytes; valid until the next call.
    /// <see cref="TokenType"/> becomes the value's first token. Syntax errors anywhere inside it surface here, with the line number.</summary>
    public ReadOnlyMemory<byte> ReadValue()
    {
        while (true)
        {
            var r = new Utf8JsonReader(_buf.AsSpan(_start, _end - _start), _eof, _state);
            if (r.Read())
            {
                var from = (int)r.TokenStartIndex;
                var type = r.TokenType;
                if (type is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || r.TrySkip())
                {
                    TokenType = type; // the value's first token (StartObject…), not the EndObject the skip stopped on
                    var value = _buf.AsMemory(_start + from, (int)r.BytesConsumed - from);
                    Advance(ref r);
                    return value;
                }
            }
            if (_eof) throw new JsonException("the file ends in the middle of a value (truncated?)");
            Refill();
        }
    }

    private void Advance(ref Utf8JsonReader r)
    {
        _start += (int)r.BytesConsumed;
        _state = r.CurrentState;
    }

    private void Refill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2); // one value larger than the buffer
        var n = stream.Read(_buf, _end, _buf.Length - _end);
        if (n == 0) { _eof = true; return; }
        _end += n;
        if (!_bomChecked && _end >= 3)
        {
            _bomChecked = true;
            if (_buf.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.Preamble)) _start = 3;
        }
    }

    public void Dispose() => stream.Dispose();
}

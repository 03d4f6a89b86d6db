using System.Buffers.Binary;
using System.Text;

namespace DxGeo.Mavlink.Codec;

/// <summary>Writes a payload's fields little-endian in wire order into a zeroed buffer of the message's full length.</summary>
public ref struct PayloadWriter
{
    private readonly Span<byte> _buf;
    private int _pos;

    public PayloadWriter(Span<byte> buffer) { _buf = buffer; _pos = 0; }

    /// <summary>Bytes written so far (the untruncated payload length when all fields are written).</summary>
    public readonly int Length => _pos;

    public void U8(byte v) => _buf[_pos++] = v;
    public void I8(sbyte v) => _buf[_pos++] = (byte)v;
    public void U16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_buf[_pos..], v); _pos += 2; }
    public void I16(short v) { BinaryPrimitives.WriteInt16LittleEndian(_buf[_pos..], v); _pos += 2; }
    public void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_buf[_pos..], v); _pos += 4; }
    public void I32(int v) { BinaryPrimitives.WriteInt32LittleEndian(_buf[_pos..], v); _pos += 4; }
    public void U64(ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(_buf[_pos..], v); _pos += 8; }
    public void I64(long v) { BinaryPrimitives.WriteInt64LittleEndian(_buf[_pos..], v); _pos += 8; }
    public void F32(float v) { BinaryPrimitives.WriteSingleLittleEndian(_buf[_pos..], v); _pos += 4; }
    public void F64(double v) { BinaryPrimitives.WriteDoubleLittleEndian(_buf[_pos..], v); _pos += 8; }

    /// <summary>A fixed-size array field: missing elements are zero, extra ones are an error.</summary>
    public void U16Array(ReadOnlySpan<ushort> v, int length)
    {
        if (v.Length > length) throw new ArgumentException($"array has {v.Length} elements, the field holds {length}");
        for (var i = 0; i < length; i++) U16(i < v.Length ? v[i] : (ushort)0);
    }

    public void F32Array(ReadOnlySpan<float> v, int length)
    {
        if (v.Length > length) throw new ArgumentException($"array has {v.Length} elements, the field holds {length}");
        for (var i = 0; i < length; i++) F32(i < v.Length ? v[i] : 0f);
    }

    /// <summary>A char[N] field: UTF-8 bytes, NUL-padded; a string of exactly N bytes carries no terminator (as the spec allows).</summary>
    public void Chars(string? v, int length)
    {
        var dst = _buf.Slice(_pos, length);
        dst.Clear();
        if (!string.IsNullOrEmpty(v))
        {
            var n = Encoding.UTF8.GetByteCount(v);
            if (n > length) throw new ArgumentException($"text of {n} bytes does not fit a char[{length}] field");
            Encoding.UTF8.GetBytes(v, dst);
        }
        _pos += length;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace DxGeo.Mavlink.Codec;

/// <summary>Reads a payload's fields in wire order from a buffer already zero-extended to the message's full length.</summary>
public ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> _buf;
    private int _pos;

    public PayloadReader(ReadOnlySpan<byte> buffer) { _buf = buffer; _pos = 0; }

    public byte U8() => _buf[_pos++];
    public sbyte I8() => (sbyte)_buf[_pos++];
    public ushort U16() { var v = BinaryPrimitives.ReadUInt16LittleEndian(_buf[_pos..]); _pos += 2; return v; }
    public short I16() { var v = BinaryPrimitives.ReadInt16LittleEndian(_buf[_pos..]); _pos += 2; return v; }
    public uint U32() { var v = BinaryPrimitives.ReadUInt32LittleEndian(_buf[_pos..]); _pos += 4; return v; }
    public int I32() { var v = BinaryPrimitives.ReadInt32LittleEndian(_buf[_pos..]); _pos += 4; return v; }
    public ulong U64() { var v = BinaryPrimitives.ReadUInt64LittleEndian(_buf[_pos..]); _pos += 8; return v; }
    public long I64() { var v = BinaryPrimitives.ReadInt64LittleEndian(_buf[_pos..]); _pos += 8; return v; }
    public float F32() { var v = BinaryPrimitives.ReadSingleLittleEndian(_buf[_pos..]); _pos += 4; return v; }
    public double F64() { var v = BinaryPrimitives.ReadDoubleLittleEndian(_buf[_pos..]); _pos += 8; return v; }

    public ushort[] U16Array(int length)
    {
        var a = new ushort[length];
        for (var i = 0; i < length; i++) a[i] = U16();
        return a;
    }

    public float[] F32Array(int length)
    {
        var a = new float[length];
        for (var i = 0; i < length; i++) a[i] = F32();
        return a;
    }

    /// <summary>A char[N] field up to the first NUL (or all N bytes when unterminated).</summary>
    public string Chars(int length)
    {
        var src = _buf.Slice(_pos, length);
        _pos += length;
        var end = src.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? src : src[..end]);
    }
}

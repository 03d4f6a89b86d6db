namespace DxGeo.Web.Tiles.Internal;

/// <summary>The few protocol-buffer wire primitives a vector tile needs (varints, tags, length-delimited fields).</summary>
internal sealed class ProtoWriter
{
    private byte[] _buf = new byte[256];

    public int Length { get; private set; }

    public void Clear() => Length = 0;

    public ReadOnlySpan<byte> Span => _buf.AsSpan(0, Length);

    public void Varint(ulong v)
    {
        Ensure(10);
        while (v >= 0x80)
        {
            _buf[Length++] = (byte)(v | 0x80);
            v >>= 7;
        }
        _buf[Length++] = (byte)v;
    }

    public void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    public void VarintField(int field, ulong v)
    {
        Tag(field, 0);
        Varint(v);
    }

    public void DoubleField(int field, double v)
    {
        Tag(field, 1);
        Ensure(8);
        BitConverter.TryWriteBytes(_buf.AsSpan(Length, 8), v);
        if (!BitConverter.IsLittleEndian) _buf.AsSpan(Length, 8).Reverse();
        Length += 8;
    }

    public void BytesField(int field, ReadOnlySpan<byte> bytes)
    {
        Tag(field, 2);
        Varint((ulong)bytes.Length);
        Ensure(bytes.Length);
        bytes.CopyTo(_buf.AsSpan(Length));
        Length += bytes.Length;
    }

    public void StringField(int field, string s)
    {
        Span<byte> small = stackalloc byte[256];
        var n = System.Text.Encoding.UTF8.GetByteCount(s);
        var bytes = n <= small.Length ? small[..n] : new byte[n];
        System.Text.Encoding.UTF8.GetBytes(s, bytes);
        BytesField(field, bytes);
    }

    /// <summary>A packed repeated uint32 field.</summary>
    public void PackedField(int field, List<uint> values)
    {
        if (values.Count == 0) return;
        var size = 0;
        foreach (var v in values) size += VarintSize(v);
        Tag(field, 2);
        Varint((ulong)size);
        foreach (var v in values) Varint(v);
    }

    private static int VarintSize(uint v) => v < 1u << 7 ? 1 : v < 1u << 14 ? 2 : v < 1u << 21 ? 3 : v < 1u << 28 ? 4 : 5;

    private void Ensure(int n)
    {
        if (Length + n <= _buf.Length) return;
        Array.Resize(ref _buf, Math.Max(_buf.Length * 2, Length + n));
    }
}

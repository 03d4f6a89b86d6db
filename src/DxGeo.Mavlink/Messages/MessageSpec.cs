using System.Text;
using DxGeo.Mavlink.Codec;

namespace DxGeo.Mavlink.Messages;

/// <summary>MAVLink wire types of message fields.</summary>
public enum WireType { Char, UInt8, Int8, UInt16, Int16, UInt32, Int32, Float, UInt64, Int64, Double }

/// <summary>One field as common.xml declares it (name, type, array length, whether it is an extension).</summary>
public sealed record FieldSpec(string Name, WireType Type, int ArrayLength = 0, bool IsExtension = false)
{
    public int ElementSize => Type switch
    {
        WireType.Char or WireType.UInt8 or WireType.Int8 => 1,
        WireType.UInt16 or WireType.Int16 => 2,
        WireType.UInt32 or WireType.Int32 or WireType.Float => 4,
        _ => 8,
    };

    public int Size => ElementSize * Math.Max(1, ArrayLength);

    /// <summary>The C type name mavgen hashes into CRC_EXTRA.</summary>
    public string CTypeName => Type switch
    {
        WireType.Char => "char", WireType.UInt8 => "uint8_t", WireType.Int8 => "int8_t",
        WireType.UInt16 => "uint16_t", WireType.Int16 => "int16_t", WireType.UInt32 => "uint32_t",
        WireType.Int32 => "int32_t", WireType.Float => "float", WireType.UInt64 => "uint64_t",
        WireType.Int64 => "int64_t", _ => "double",
    };
}

/// <summary>
/// A message definition: fields in XML declaration order, from which the wire layout and CRC_EXTRA are derived
/// exactly as mavgen does (base fields stably sorted by element size, largest first; extensions appended in
/// declaration order; CRC_EXTRA hashes the name and the base fields in wire order).
/// </summary>
public sealed class MessageSpec
{
    public MessageSpec(string name, uint id, params FieldSpec[] declared)
    {
        Name = name;
        Id = id;
        Declared = declared;
        var baseFields = declared.Where(f => !f.IsExtension).OrderByDescending(f => f.ElementSize); // OrderBy is stable
        Wire = [.. baseFields, .. declared.Where(f => f.IsExtension)];
        var offsets = new Dictionary<string, int>();
        var pos = 0;
        foreach (var f in Wire) { offsets[f.Name] = pos; pos += f.Size; }
        Offsets = offsets;
        MaxLength = pos;
        MinLength = declared.Where(f => !f.IsExtension).Sum(f => f.Size);
        CrcExtra = ComputeCrcExtra(name, Wire);
    }

    public string Name { get; }
    public uint Id { get; }
    public IReadOnlyList<FieldSpec> Declared { get; }
    /// <summary>Fields in the order they are serialized.</summary>
    public IReadOnlyList<FieldSpec> Wire { get; }
    /// <summary>Byte offset of each field in the untruncated payload.</summary>
    public IReadOnlyDictionary<string, int> Offsets { get; }
    /// <summary>Payload length without extensions (what MAVLink 1 carries).</summary>
    public int MinLength { get; }
    /// <summary>Payload length with extensions.</summary>
    public int MaxLength { get; }
    public byte CrcExtra { get; }

    private static byte ComputeCrcExtra(string name, IEnumerable<FieldSpec> wire)
    {
        var crc = Crc16.Accumulate(Encoding.ASCII.GetBytes(name + " "));
        foreach (var f in wire.Where(f => !f.IsExtension))
        {
            crc = Crc16.Accumulate(Encoding.ASCII.GetBytes(f.CTypeName + " "), crc);
            crc = Crc16.Accumulate(Encoding.ASCII.GetBytes(f.Name + " "), crc);
            if (f.ArrayLength > 0) crc = Crc16.Accumulate((byte)f.ArrayLength, crc);
        }
        return (byte)((crc & 0xFF) ^ (crc >> 8));
    }

    internal static FieldSpec U8(string n, bool ext = false) => new(n, WireType.UInt8, 0, ext);
    internal static FieldSpec I8(string n, bool ext = false) => new(n, WireType.Int8, 0, ext);
    internal static FieldSpec U16(string n, bool ext = false) => new(n, WireType.UInt16, 0, ext);
    internal static FieldSpec I16(string n, bool ext = false) => new(n, WireType.Int16, 0, ext);
    internal static FieldSpec U32(string n, bool ext = false) => new(n, WireType.UInt32, 0, ext);
    internal static FieldSpec I32(string n, bool ext = false) => new(n, WireType.Int32, 0, ext);
    internal static FieldSpec U64(string n, bool ext = false) => new(n, WireType.UInt64, 0, ext);
    internal static FieldSpec F32(string n, bool ext = false) => new(n, WireType.Float, 0, ext);
    internal static FieldSpec Arr(string n, WireType t, int len, bool ext = false) => new(n, t, len, ext);
}

/// <summary>A MAVLink message DxGeo can encode and decode.</summary>
public interface IMavlinkMessage
{
    MessageSpec Spec { get; }
    /// <summary>Writes every field in wire order (extensions included; the frame writer truncates trailing zeros).</summary>
    void Write(ref PayloadWriter w);
}

/// <summary>Static side of a message type, so the registry can decode without reflection.</summary>
public interface IMavlinkMessage<TSelf> : IMavlinkMessage where TSelf : IMavlinkMessage<TSelf>
{
    static abstract MessageSpec Definition { get; }
    /// <summary>Reads a payload zero-extended to <see cref="MessageSpec.MaxLength"/>.</summary>
    static abstract TSelf Read(ref PayloadReader r);
}

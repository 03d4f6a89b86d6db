using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>BATTERY_STATUS (147): one battery's cells, current, consumption and remaining charge.</summary>
public sealed record BatteryStatus : IMavlinkMessage<BatteryStatus>
{
    public static MessageSpec Definition { get; } = new("BATTERY_STATUS", 147,
        U8("id"), U8("battery_function"), U8("type"), I16("temperature"), Arr("voltages", WireType.UInt16, 10),
        I16("current_battery"), I32("current_consumed"), I32("energy_consumed"), I8("battery_remaining"),
        I32("time_remaining", true), U8("charge_state", true), Arr("voltages_ext", WireType.UInt16, 4, true),
        U8("mode", true), U32("fault_bitmask", true));
    public MessageSpec Spec => Definition;

    public byte Id { get; init; }
    public byte BatteryFunction { get; init; }
    [MavField("type")] public byte BatteryType { get; init; }
    /// <summary>cdegC (INT16_MAX: unknown).</summary>
    public short Temperature { get; init; }
    /// <summary>Cell voltages 1–10, mV (UINT16_MAX: not present).</summary>
    public ushort[] VoltagesMv { get; init; } = new ushort[10];
    /// <summary>cA (-1: unknown).</summary>
    public short CurrentBatteryCa { get; init; }
    /// <summary>mAh (-1: unknown).</summary>
    public int CurrentConsumedMah { get; init; }
    /// <summary>hJ (-1: unknown).</summary>
    public int EnergyConsumedHj { get; init; }
    /// <summary>% (-1: unknown).</summary>
    public sbyte BatteryRemainingPct { get; init; }
    public int TimeRemainingS { get; init; }
    public byte ChargeState { get; init; }
    /// <summary>Cell voltages 11–14, mV.</summary>
    public ushort[] VoltagesExtMv { get; init; } = new ushort[4];
    public byte Mode { get; init; }
    public uint FaultBitmask { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.I32(CurrentConsumedMah); w.I32(EnergyConsumedHj); w.I16(Temperature); w.U16Array(VoltagesMv, 10);
        w.I16(CurrentBatteryCa); w.U8(Id); w.U8(BatteryFunction); w.U8(BatteryType); w.I8(BatteryRemainingPct);
        w.I32(TimeRemainingS); w.U8(ChargeState); w.U16Array(VoltagesExtMv, 4); w.U8(Mode); w.U32(FaultBitmask);
    }

    public static BatteryStatus Read(ref PayloadReader r) => new()
    {
        CurrentConsumedMah = r.I32(), EnergyConsumedHj = r.I32(), Temperature = r.I16(), VoltagesMv = r.U16Array(10),
        CurrentBatteryCa = r.I16(), Id = r.U8(), BatteryFunction = r.U8(), BatteryType = r.U8(),
        BatteryRemainingPct = r.I8(), TimeRemainingS = r.I32(), ChargeState = r.U8(), VoltagesExtMv = r.U16Array(4),
        Mode = r.U8(), FaultBitmask = r.U32(),
    };
}

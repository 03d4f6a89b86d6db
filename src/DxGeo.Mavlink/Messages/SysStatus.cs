using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>SYS_STATUS (1): sensor health, main battery voltage/current/remaining, link error counts.</summary>
public sealed record SysStatus : IMavlinkMessage<SysStatus>
{
    public static MessageSpec Definition { get; } = new("SYS_STATUS", 1,
        U32("onboard_control_sensors_present"), U32("onboard_control_sensors_enabled"),
        U32("onboard_control_sensors_health"), U16("load"), U16("voltage_battery"), I16("current_battery"),
        I8("battery_remaining"), U16("drop_rate_comm"), U16("errors_comm"), U16("errors_count1"),
        U16("errors_count2"), U16("errors_count3"), U16("errors_count4"),
        U32("onboard_control_sensors_present_extended", true), U32("onboard_control_sensors_enabled_extended", true),
        U32("onboard_control_sensors_health_extended", true));
    public MessageSpec Spec => Definition;

    public uint OnboardControlSensorsPresent { get; init; }
    public uint OnboardControlSensorsEnabled { get; init; }
    public uint OnboardControlSensorsHealth { get; init; }
    /// <summary>Main loop load, 0.1 %.</summary>
    public ushort Load { get; init; }
    /// <summary>Battery voltage in mV (UINT16_MAX: unknown).</summary>
    public ushort VoltageBatteryMv { get; init; }
    /// <summary>Battery current in cA (-1: unknown).</summary>
    public short CurrentBatteryCa { get; init; }
    /// <summary>Remaining battery, % (-1: unknown).</summary>
    public sbyte BatteryRemainingPct { get; init; }
    public ushort DropRateComm { get; init; }
    public ushort ErrorsComm { get; init; }
    public ushort ErrorsCount1 { get; init; }
    public ushort ErrorsCount2 { get; init; }
    public ushort ErrorsCount3 { get; init; }
    public ushort ErrorsCount4 { get; init; }
    public uint OnboardControlSensorsPresentExtended { get; init; }
    public uint OnboardControlSensorsEnabledExtended { get; init; }
    public uint OnboardControlSensorsHealthExtended { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U32(OnboardControlSensorsPresent); w.U32(OnboardControlSensorsEnabled); w.U32(OnboardControlSensorsHealth);
        w.U16(Load); w.U16(VoltageBatteryMv); w.I16(CurrentBatteryCa); w.U16(DropRateComm); w.U16(ErrorsComm);
        w.U16(ErrorsCount1); w.U16(ErrorsCount2); w.U16(ErrorsCount3); w.U16(ErrorsCount4); w.I8(BatteryRemainingPct);
        w.U32(OnboardControlSensorsPresentExtended); w.U32(OnboardControlSensorsEnabledExtended);
        w.U32(OnboardControlSensorsHealthExtended);
    }

    public static SysStatus Read(ref PayloadReader r) => new()
    {
        OnboardControlSensorsPresent = r.U32(), OnboardControlSensorsEnabled = r.U32(),
        OnboardControlSensorsHealth = r.U32(), Load = r.U16(), VoltageBatteryMv = r.U16(), CurrentBatteryCa = r.I16(),
        DropRateComm = r.U16(), ErrorsComm = r.U16(), ErrorsCount1 = r.U16(), ErrorsCount2 = r.U16(),
        ErrorsCount3 = r.U16(), ErrorsCount4 = r.U16(), BatteryRemainingPct = r.I8(),
        OnboardControlSensorsPresentExtended = r.U32(), OnboardControlSensorsEnabledExtended = r.U32(),
        OnboardControlSensorsHealthExtended = r.U32(),
    };
}

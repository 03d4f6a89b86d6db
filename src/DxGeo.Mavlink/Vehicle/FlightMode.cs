using DxGeo.Core.Errors;
using DxGeo.Mavlink.Protocol;

namespace DxGeo.Mavlink.Vehicle;

/// <summary>Flight modes DxGeo commands, independent of the autopilot's numbering.</summary>
public enum FlightMode
{
    Unknown, Stabilize, AltHold, PosHold, Guided, Auto, Loiter, Rtl, Land, Brake, Takeoff,
}

/// <summary>
/// ArduPilot Copter custom_mode numbers and PX4's (main mode in bits 16–23, sub mode in bits 24–31 of custom_mode),
/// both ways, and the MAV_CMD_DO_SET_MODE parameters that select them.
/// </summary>
public static class FlightModes
{
    // ArduCopter (ardupilotmega.xml COPTER_MODE).
    private static readonly (FlightMode Mode, uint Number)[] Copter =
    [
        (FlightMode.Stabilize, 0), (FlightMode.AltHold, 2), (FlightMode.Auto, 3), (FlightMode.Guided, 4),
        (FlightMode.Loiter, 5), (FlightMode.Rtl, 6), (FlightMode.Land, 9), (FlightMode.PosHold, 16), (FlightMode.Brake, 17),
    ];

    // PX4: (main, sub). MANUAL 1, ALTCTL 2, POSCTL 3, AUTO 4 with sub READY 1, TAKEOFF 2, LOITER 3, MISSION 4, RTL 5, LAND 6.
    private static readonly (FlightMode Mode, byte Main, byte Sub)[] Px4 =
    [
        (FlightMode.Stabilize, 7, 0), (FlightMode.AltHold, 2, 0), (FlightMode.PosHold, 3, 0), (FlightMode.Takeoff, 4, 2),
        (FlightMode.Loiter, 4, 3), (FlightMode.Auto, 4, 4), (FlightMode.Rtl, 4, 5), (FlightMode.Land, 4, 6),
        (FlightMode.Guided, 6, 0),
    ];

    public static uint ToCustomMode(AutopilotFlavor flavor, FlightMode mode)
    {
        if (flavor == AutopilotFlavor.Px4)
        {
            foreach (var (m, main, sub) in Px4) if (m == mode) return (uint)(main << 16 | sub << 24);
        }
        else
        {
            foreach (var (m, n) in Copter) if (m == mode) return n;
        }
        throw new DxGeoException($"{flavor} has no {mode} mode");
    }

    public static FlightMode FromCustomMode(AutopilotFlavor flavor, uint customMode)
    {
        if (flavor == AutopilotFlavor.Px4)
        {
            var main = (byte)(customMode >> 16);
            var sub = (byte)(customMode >> 24);
            foreach (var (m, ma, su) in Px4) if (ma == main && (su == sub || (su == 0 && main != 4))) return m;
            return FlightMode.Unknown;
        }
        foreach (var (m, n) in Copter) if (n == customMode) return m;
        return FlightMode.Unknown;
    }

    /// <summary>param1–3 of MAV_CMD_DO_SET_MODE: base mode with CUSTOM_MODE_ENABLED, then the custom (main, sub) mode.</summary>
    public static (float P1, float P2, float P3) SetModeParams(AutopilotFlavor flavor, FlightMode mode)
    {
        var custom = ToCustomMode(flavor, mode);
        return flavor == AutopilotFlavor.Px4
            ? (1, (custom >> 16) & 0xFF, (custom >> 24) & 0xFF)
            : (1, custom, 0);
    }

    /// <summary>The custom mode a DO_SET_MODE with these parameters selects.</summary>
    public static uint CustomModeFromParams(AutopilotFlavor flavor, float p2, float p3) =>
        flavor == AutopilotFlavor.Px4 ? (uint)((byte)p2 << 16 | (byte)p3 << 24) : (uint)p2;

    public static AutopilotFlavor FlavorOf(Messages.MavAutopilot autopilot) => autopilot switch
    {
        Messages.MavAutopilot.ArduPilotMega => AutopilotFlavor.ArduPilot,
        Messages.MavAutopilot.Px4 => AutopilotFlavor.Px4,
        _ => AutopilotFlavor.Generic,
    };
}

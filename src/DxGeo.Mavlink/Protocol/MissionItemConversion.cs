using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Protocol;

/// <summary>MissionItem (degrees) ⇄ MISSION_ITEM_INT (degE7) and MISSION_ITEM (float degrees).</summary>
public static class MissionItemConversion
{
    public static int ToE7(double deg) => (int)Math.Round(deg * 1e7, MidpointRounding.AwayFromZero);

    public static MissionItemInt ToMessage(MissionItem item, ushort seq, VehicleTarget target) => new()
    {
        TargetSystem = target.SystemId, TargetComponent = target.ComponentId, Seq = seq, Frame = item.Frame,
        Command = item.Command, Current = item.Current ? (byte)1 : (byte)0, Autocontinue = item.Autocontinue ? (byte)1 : (byte)0,
        Param1 = item.Param1, Param2 = item.Param2, Param3 = item.Param3, Param4 = item.Param4,
        X = ToE7(item.LatitudeDeg), Y = ToE7(item.LongitudeDeg), Z = item.Z, MissionType = item.MissionType,
    };

    public static MissionItemLegacy ToLegacyMessage(MissionItem item, ushort seq, VehicleTarget target) => new()
    {
        TargetSystem = target.SystemId, TargetComponent = target.ComponentId, Seq = seq, Frame = item.Frame,
        Command = item.Command, Current = item.Current ? (byte)1 : (byte)0, Autocontinue = item.Autocontinue ? (byte)1 : (byte)0,
        Param1 = item.Param1, Param2 = item.Param2, Param3 = item.Param3, Param4 = item.Param4,
        X = (float)item.LatitudeDeg, Y = (float)item.LongitudeDeg, Z = item.Z, MissionType = item.MissionType,
    };

    public static MissionItem FromMessage(MissionItemInt m) => new()
    {
        Seq = m.Seq, Frame = m.Frame, Command = m.Command, Current = m.Current != 0, Autocontinue = m.Autocontinue != 0,
        Param1 = m.Param1, Param2 = m.Param2, Param3 = m.Param3, Param4 = m.Param4,
        LatitudeDeg = m.X / 1e7, LongitudeDeg = m.Y / 1e7, Z = m.Z, MissionType = m.MissionType,
    };

    public static MissionItem FromMessage(MissionItemLegacy m) => new()
    {
        Seq = m.Seq, Frame = m.Frame, Command = m.Command, Current = m.Current != 0, Autocontinue = m.Autocontinue != 0,
        Param1 = m.Param1, Param2 = m.Param2, Param3 = m.Param3, Param4 = m.Param4,
        LatitudeDeg = m.X, LongitudeDeg = m.Y, Z = m.Z, MissionType = m.MissionType,
    };

    /// <summary>Frames that mean the same altitude reference (the _INT variants only say x/y are integers).</summary>
    public static MavFrame Normalize(MavFrame f) => f switch
    {
        MavFrame.GlobalInt => MavFrame.Global,
        MavFrame.GlobalRelativeAltInt => MavFrame.GlobalRelativeAlt,
        _ => f,
    };
}

using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Codec;
using static DxGeo.Mavlink.Messages.MessageSpec;

namespace DxGeo.Mavlink.Messages;

/// <summary>
/// The fields of the mission-protocol messages that address one vehicle's list of one mission type
/// (MISSION_REQUEST_LIST, MISSION_CLEAR_ALL): same payload, different message id and meaning.
/// </summary>
public abstract record MissionListMessage
{
    protected static FieldSpec[] Fields => [U8("target_system"), U8("target_component"), U8("mission_type", true)];

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public MissionType MissionType { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)MissionType);
    }

    protected static T ReadInto<T>(ref PayloadReader r) where T : MissionListMessage, new() => new()
    {
        TargetSystem = r.U8(), TargetComponent = r.U8(), MissionType = (MissionType)r.U8(),
    };
}

/// <summary>The fields of the messages that ask for one item of a list (MISSION_REQUEST, MISSION_REQUEST_INT).</summary>
public abstract record MissionItemRequestMessage
{
    protected static FieldSpec[] Fields => [U8("target_system"), U8("target_component"), U16("seq"), U8("mission_type", true)];

    public byte TargetSystem { get; init; }
    public byte TargetComponent { get; init; }
    public ushort Seq { get; init; }
    public MissionType MissionType { get; init; }

    public void Write(ref PayloadWriter w)
    {
        w.U16(Seq); w.U8(TargetSystem); w.U8(TargetComponent); w.U8((byte)MissionType);
    }

    protected static T ReadInto<T>(ref PayloadReader r) where T : MissionItemRequestMessage, new() => new()
    {
        Seq = r.U16(), TargetSystem = r.U8(), TargetComponent = r.U8(), MissionType = (MissionType)r.U8(),
    };
}

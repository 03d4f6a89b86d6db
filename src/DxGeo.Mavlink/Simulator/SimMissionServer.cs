using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;

namespace DxGeo.Mavlink.Simulator;

/// <summary>
/// The vehicle side of the mission protocol, in the two styles real autopilots have:
/// ArduPilot (item 0 of the mission is home and downloads return the current home there; asks with MISSION_REQUEST
/// (40) yet takes MISSION_ITEM_INT; writes items as they arrive, so a failed upload leaves a mix; stores altitude in
/// cm) and PX4 (MISSION_REQUEST_INT; items staged and committed only when all arrived).
/// </summary>
internal sealed class SimMissionServer(SimVehicleOptions o, Func<MissionItem> home)
{
    private readonly Dictionary<MissionType, List<MissionItem>> _stored = new()
    {
        [MissionType.Mission] = o.Flavor == AutopilotFlavor.ArduPilot ? [new MissionItem { Command = MavCmd.NavWaypoint, Frame = MavFrame.Global }] : [],
        [MissionType.Fence] = [],
        [MissionType.Rally] = [],
    };

    private Upload? _upload;
    private sealed class Upload
    {
        public MissionType Type;
        public int Count;
        public int Expected;
        public List<MissionItem> Staging = [];
        public DateTime LastRequest;
        public int Retries;
        public byte GcsSys, GcsComp;
    }

    public long UploadsCompleted { get; private set; }
    public long UploadsAborted { get; private set; }
    /// <summary>Raised when a mission upload completes (the mission restarts from its first item).</summary>
    public event Action<MissionType>? MissionReplaced;

    /// <summary>Stored items (ArduPilot missions: item 0 is home).</summary>
    public IReadOnlyList<MissionItem> Items(MissionType t) => _stored[t];

    private bool ArduPilot => o.Flavor == AutopilotFlavor.ArduPilot;

    public void Handle(ReceivedMessage rm, List<IMavlinkMessage> outbox, DateTime now)
    {
        byte sys = rm.SystemId, comp = rm.ComponentId;
        switch (rm.Message)
        {
            case MissionCount c:
                if (!_stored.ContainsKey(c.MissionType)) { outbox.Add(Ack(sys, comp, c.MissionType, MavMissionResult.Unsupported)); return; }
                if (c.Count > o.MaxMissionItems) { outbox.Add(Ack(sys, comp, c.MissionType, MavMissionResult.NoSpace)); return; }
                if (ArduPilot && c.MissionType == MissionType.Mission)
                {
                    // ArduPilot truncates to the new count at once: a failed upload leaves old and new items mixed.
                    var list = _stored[MissionType.Mission];
                    if (list.Count > Math.Max(1, (int)c.Count)) list.RemoveRange(Math.Max(1, (int)c.Count), list.Count - Math.Max(1, (int)c.Count));
                }
                else if (ArduPilot) Truncate(_stored[c.MissionType], c.Count);
                if (c.Count == 0)
                {
                    if (!ArduPilot || c.MissionType != MissionType.Mission) _stored[c.MissionType].Clear();
                    _upload = null;
                    outbox.Add(Ack(sys, comp, c.MissionType, MavMissionResult.Accepted));
                    return;
                }
                _upload = new Upload { Type = c.MissionType, Count = c.Count, GcsSys = sys, GcsComp = comp, LastRequest = now };
                outbox.Add(Request(_upload));
                break;

            case MissionItemInt i when _upload is { } u && i.MissionType == u.Type:
                Receive(MissionItemConversion.FromMessage(i), u, outbox, now);
                break;
            case MissionItemLegacy i when _upload is { } u && i.MissionType == u.Type:
                Receive(MissionItemConversion.FromMessage(i), u, outbox, now);
                break;

            case MissionAck a when _upload is { } u && a.MissionType == u.Type:
                _upload = null; // the ground station cancelled
                UploadsAborted++;
                break;

            case MissionRequestList l when _stored.ContainsKey(l.MissionType):
                outbox.Add(new MissionCount { TargetSystem = sys, TargetComponent = comp, Count = (ushort)_stored[l.MissionType].Count, MissionType = l.MissionType });
                break;
            case MissionRequestInt r when _stored.TryGetValue(r.MissionType, out var list) && r.Seq < list.Count:
                outbox.Add(MissionItemConversion.ToMessage(ItemForDownload(r.MissionType, r.Seq), r.Seq, new VehicleTarget(sys, comp)));
                break;
            case MissionRequest r when _stored.TryGetValue(r.MissionType, out var list) && r.Seq < list.Count:
                outbox.Add(MissionItemConversion.ToLegacyMessage(ItemForDownload(r.MissionType, r.Seq), r.Seq, new VehicleTarget(sys, comp)));
                break;

            case MissionClearAll c when _stored.ContainsKey(c.MissionType):
                _upload = null;
                if (ArduPilot && c.MissionType == MissionType.Mission) Truncate(_stored[c.MissionType], 1);
                else _stored[c.MissionType].Clear();
                outbox.Add(Ack(sys, comp, c.MissionType, MavMissionResult.Accepted));
                MissionReplaced?.Invoke(c.MissionType);
                break;
        }
    }

    /// <summary>Re-requests the awaited item after a timeout; gives up (cancelling) after the retry budget.</summary>
    public void Tick(List<IMavlinkMessage> outbox, DateTime now)
    {
        if (_upload is not { } u || now - u.LastRequest < o.MissionItemRetryTimeout) return;
        if (++u.Retries > o.MissionMaxRetries)
        {
            outbox.Add(Ack(u.GcsSys, u.GcsComp, u.Type, MavMissionResult.OperationCancelled));
            outbox.Add(new StatusText { Severity = MavSeverity.Warning, Text = "Mission upload timeout" });
            _upload = null;
            UploadsAborted++;
            return;
        }
        u.LastRequest = now;
        outbox.Add(Request(u));
    }

    private void Receive(MissionItem item, Upload u, List<IMavlinkMessage> outbox, DateTime now)
    {
        if (item.Seq != u.Expected)
        {
            // A duplicate of an earlier item (ignored) or one from the future (ask again for the one we need).
            if (item.Seq > u.Expected) { u.LastRequest = now; outbox.Add(Request(u)); }
            return;
        }
        if (Validate(item) is { } error)
        {
            outbox.Add(Ack(u.GcsSys, u.GcsComp, u.Type, error));
            _upload = null;
            UploadsAborted++;
            return;
        }
        if (ArduPilot)
        {
            item = item with { Z = MathF.Round(item.Z * 100) / 100 }; // stored as cm
            var list = _stored[u.Type];
            var isHome = u.Type == MissionType.Mission && item.Seq == 0;
            if (!isHome)
            {
                if (item.Seq < list.Count) list[item.Seq] = item;
                else list.Add(item);
            }
        }
        else u.Staging.Add(item);
        u.Expected++;
        u.Retries = 0;
        u.LastRequest = now;
        if (u.Expected < u.Count) { outbox.Add(Request(u)); return; }

        if (!ArduPilot) _stored[u.Type] = u.Staging;
        else Truncate(_stored[u.Type], u.Count);
        _upload = null;
        UploadsCompleted++;
        outbox.Add(Ack(u.GcsSys, u.GcsComp, u.Type, MavMissionResult.Accepted));
        MissionReplaced?.Invoke(u.Type);
    }

    private static MavMissionResult? Validate(MissionItem i)
    {
        if (i.Frame is not (MavFrame.Global or MavFrame.Mission or MavFrame.GlobalRelativeAlt or MavFrame.GlobalInt or
            MavFrame.GlobalRelativeAltInt or MavFrame.GlobalTerrainAltInt))
            return MavMissionResult.UnsupportedFrame;
        if (i.Frame != MavFrame.Mission)
        {
            if (Math.Abs(i.LatitudeDeg) > 90) return MavMissionResult.InvalidParam5X;
            if (Math.Abs(i.LongitudeDeg) > 180) return MavMissionResult.InvalidParam6Y;
        }
        return null;
    }

    private MissionItem ItemForDownload(MissionType t, int seq)
    {
        var item = _stored[t][seq];
        if (ArduPilot && t == MissionType.Mission && seq == 0) item = home();
        return item with { Seq = seq, MissionType = t };
    }

    private IMavlinkMessage Request(Upload u) => ArduPilot
        ? new MissionRequest { TargetSystem = u.GcsSys, TargetComponent = u.GcsComp, Seq = (ushort)u.Expected, MissionType = u.Type }
        : new MissionRequestInt { TargetSystem = u.GcsSys, TargetComponent = u.GcsComp, Seq = (ushort)u.Expected, MissionType = u.Type };

    private static MissionAck Ack(byte sys, byte comp, MissionType t, MavMissionResult r) =>
        new() { TargetSystem = sys, TargetComponent = comp, Type = r, MissionType = t };

    private static void Truncate(List<MissionItem> list, int count)
    {
        if (list.Count > count) list.RemoveRange(count, list.Count - count);
    }
}

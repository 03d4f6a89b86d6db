using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Mavlink.Protocol;

/// <summary>A mission read from a vehicle. For ArduPilot missions <see cref="Home"/> is its item 0, removed from <see cref="Items"/>.</summary>
public sealed record DownloadedMission(MissionType MissionType, IReadOnlyList<MissionItem> Items, MissionItem? Home);

/// <summary>What an upload achieved.</summary>
public sealed record MissionUploadResult(int ItemCount, bool Verified, int ItemsResent, string? Note);

/// <summary>
/// The MAVLink mission protocol, ground-station side: upload, download and clear for mission, geofence and rally
/// items. Items go strictly in order as the vehicle asks; an out-of-order request is answered with the item asked
/// for; any error ACK cancels; every wait has a timeout and bounded retries (QGroundControl's PlanManager is the
/// model). ArduPilot's quirks are handled: item 0 is home, it asks with MISSION_REQUEST (40), and its upload is
/// not atomic, so uploads are verified by reading them back.
/// </summary>
public sealed class MissionClient(MavlinkConnection connection, VehicleTarget target, AutopilotFlavor flavor,
    MissionProtocolOptions? options = null)
{
    private readonly MissionProtocolOptions _o = options ?? MissionProtocolOptions.Default;

    public MissionProtocolOptions Options => _o;

    private bool HomeIsItemZero(MissionType t) => flavor == AutopilotFlavor.ArduPilot && t == MissionType.Mission;

    public async Task<MissionUploadResult> UploadAsync(IReadOnlyList<MissionItem> items, MissionType type = MissionType.Mission,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        var wire = new List<MissionItem>(items.Count + 1);
        if (HomeIsItemZero(type))
        {
            // ArduPilot overwrites item 0 with home; send a placeholder at the first position so the indices line up.
            var first = items.FirstOrDefault(i => i.LatitudeDeg != 0 || i.LongitudeDeg != 0);
            wire.Add(new MissionItem { Command = MavCmd.NavWaypoint, Frame = MavFrame.Global, LatitudeDeg = first?.LatitudeDeg ?? 0,
                LongitudeDeg = first?.LongitudeDeg ?? 0, MissionType = type });
        }
        wire.AddRange(items.Select(i => i with { MissionType = type }));
        if (wire.Count > ushort.MaxValue) throw new MissionProtocolException("Upload", type, $"{wire.Count} items exceed the protocol's 65535", null, VehicleMissionState.Unchanged);
        var count = (ushort)wire.Count;

        using var sub = connection.Subscribe(m => target.Matches(m) && m.Message switch
        {
            MissionRequestInt r => r.MissionType == type,
            MissionRequest r => r.MissionType == type,
            MissionAck a => a.MissionType == type,
            _ => false,
        });
        await connection.SendAsync(new MissionCount { TargetSystem = target.SystemId, TargetComponent = target.ComponentId, Count = count, MissionType = type }, ct);

        int highest = -1, lastSent = -1, retries = 0, resent = 0;
        var answered = new bool[count];
        while (true)
        {
            var got = await sub.NextAsync(_o.AckTimeout, ct);
            if (got is null)
            {
                // Everything was sent and the vehicle went quiet: its final MISSION_ACK was most likely lost.
                // Waiting out every retry would gain nothing; reading the mission back settles it.
                if (count > 0 && lastSent == count - 1 && _o.VerifyAfterUpload && ++retries >= Math.Min(2, _o.MaxRetries))
                    return await VerifyAfterLostAck(items, type, progress, resent, ct);
                if (++retries > _o.MaxRetries)
                {
                    await CancelAsync(type);
                    var state = highest < 0 ? VehicleMissionState.Unchanged
                        : flavor == AutopilotFlavor.Px4 ? VehicleMissionState.Unchanged : VehicleMissionState.PartiallyWritten;
                    var what = highest < 0 ? "the vehicle never asked for the first item" : $"the vehicle stopped asking after item {highest} of {count}";
                    throw new MissionProtocolException("Upload", type, $"no answer from vehicle {target} after {_o.MaxRetries} retries ({what}; link lost?)", null, state);
                }
                if (highest < 0) await connection.SendAsync(new MissionCount { TargetSystem = target.SystemId, TargetComponent = target.ComponentId, Count = count, MissionType = type }, ct);
                else if (lastSent >= 0 && lastSent < count - 1) { await SendItem(wire[lastSent], (ushort)lastSent, legacy: false, ct); resent++; }
                continue;
            }
            switch (got.Message)
            {
                case MissionAck { Type: MavMissionResult.Accepted }:
                    // Only the answer to our last item ends the upload (a stray ACCEPTED from an earlier exchange does not).
                    if (count > 0 && lastSent != count - 1) continue;
                    progress?.Report((items.Count, items.Count, "acknowledged"));
                    if (!_o.VerifyAfterUpload) return new MissionUploadResult(items.Count, false, resent, null);
                    await VerifyAsync(items, type, ct);
                    return new MissionUploadResult(items.Count, true, resent, null);
                case MissionAck a:
                    throw new MissionProtocolException("Upload", type, $"vehicle answered {ResultNames.Describe(a.Type)} after item {Math.Max(highest, 0)} of {count}",
                        a.Type, highest <= 0 || flavor == AutopilotFlavor.Px4 ? VehicleMissionState.Unchanged : VehicleMissionState.PartiallyWritten);
                case MissionRequestInt r:
                    await Answer(r.Seq, legacy: false);
                    break;
                case MissionRequest r:
                    await Answer(r.Seq, legacy: _o.AnswerLegacyRequestsWithLegacyItems);
                    break;
            }
        }

        async Task Answer(ushort seq, bool legacy)
        {
            if (seq >= count) return; // not an item we have: ignore, the vehicle's own timeout recovers
            retries = 0;
            if (answered[seq]) resent++;
            answered[seq] = true;
            highest = Math.Max(highest, seq);
            lastSent = seq;
            await SendItem(wire[seq], seq, legacy, ct);
            progress?.Report((Math.Max(0, highest - (wire.Count - items.Count) + 1), items.Count, "items sent"));
        }
    }

    private ValueTask SendItem(MissionItem item, ushort seq, bool legacy, CancellationToken ct) => legacy
        ? connection.SendAsync(MissionItemConversion.ToLegacyMessage(item, seq, target), ct)
        : connection.SendAsync(MissionItemConversion.ToMessage(item, seq, target), ct);

    private async Task VerifyAsync(IReadOnlyList<MissionItem> items, MissionType type, CancellationToken ct)
    {
        var back = await DownloadAsync(type, null, ct);
        if (MissionComparer.FirstDifference(items, back.Items, _o) is { } diff)
            throw new MissionProtocolException("Upload", type, $"read-back differs from the plan: {diff}", null, VehicleMissionState.Mismatch);
    }

    /// <summary>The last item went out but its MISSION_ACK never came: the vehicle may well have stored everything, so read it back.</summary>
    private async Task<MissionUploadResult> VerifyAfterLostAck(IReadOnlyList<MissionItem> items, MissionType type,
        IProgress<(long Done, long? Total, string What)>? progress, int resent, CancellationToken ct)
    {
        DownloadedMission back;
        try { back = await DownloadAsync(type, null, ct); }
        catch (MissionProtocolException e)
        {
            throw new MissionProtocolException("Upload", type, $"no final MISSION_ACK and the read-back failed ({e.Message})", null, VehicleMissionState.Unknown);
        }
        if (MissionComparer.FirstDifference(items, back.Items, _o) is { } diff)
            throw new MissionProtocolException("Upload", type, $"no final MISSION_ACK and the read-back differs: {diff}", null,
                flavor == AutopilotFlavor.Px4 ? VehicleMissionState.Unchanged : VehicleMissionState.PartiallyWritten);
        progress?.Report((items.Count, items.Count, "verified"));
        return new MissionUploadResult(items.Count, true, resent, "final MISSION_ACK lost; verified by reading the mission back");
    }

    public async Task<DownloadedMission> DownloadAsync(MissionType type = MissionType.Mission,
        IProgress<(long Done, long? Total, string What)>? progress = null, CancellationToken ct = default)
    {
        using var sub = connection.Subscribe(m => target.Matches(m) && m.Message switch
        {
            MissionCount c => c.MissionType == type,
            MissionItemInt i => i.MissionType == type,
            MissionItemLegacy i => i.MissionType == type,
            MissionAck a => a.MissionType == type && a.Type != MavMissionResult.Accepted,
            _ => false,
        });
        var list = new MissionRequestList { TargetSystem = target.SystemId, TargetComponent = target.ComponentId, MissionType = type };
        var countMsg = await Exchange(sub, () => connection.SendAsync(list, ct), m => m is MissionCount, _o.AckTimeout, "Download", type, "MISSION_COUNT", ct);
        var count = ((MissionCount)countMsg).Count;
        var items = new List<MissionItem>(count);
        for (var seq = 0; seq < count; seq++)
        {
            var s = (ushort)seq;
            var req = new MissionRequestInt { TargetSystem = target.SystemId, TargetComponent = target.ComponentId, Seq = s, MissionType = type };
            var item = await Exchange(sub, () => connection.SendAsync(req, ct),
                m => m is MissionItemInt i && i.Seq == s || m is MissionItemLegacy l && l.Seq == s, _o.ItemTimeout, "Download", type, $"item {seq} of {count}", ct);
            items.Add(item is MissionItemInt ii ? MissionItemConversion.FromMessage(ii) : MissionItemConversion.FromMessage((MissionItemLegacy)item));
            progress?.Report((seq + 1, count, "items read"));
        }
        await connection.SendAsync(new MissionAck { TargetSystem = target.SystemId, TargetComponent = target.ComponentId, Type = MavMissionResult.Accepted, MissionType = type }, ct);

        MissionItem? home = null;
        if (HomeIsItemZero(type) && items.Count > 0)
        {
            home = items[0];
            items.RemoveAt(0);
        }
        return new DownloadedMission(type, [.. items.Select((it, i) => it with { Seq = i })], home);
    }

    public async Task ClearAsync(MissionType type = MissionType.Mission, CancellationToken ct = default)
    {
        using var sub = connection.Subscribe(m => target.Matches(m) && m.Message is MissionAck a && a.MissionType == type);
        var clear = new MissionClearAll { TargetSystem = target.SystemId, TargetComponent = target.ComponentId, MissionType = type };
        var ack = (MissionAck)await Exchange(sub, () => connection.SendAsync(clear, ct), m => m is MissionAck, _o.AckTimeout, "Clear", type, "MISSION_ACK", ct, acceptErrors: true);
        if (ack.Type != MavMissionResult.Accepted)
            throw new MissionProtocolException("Clear", type, $"vehicle answered {ResultNames.Describe(ack.Type)}", ack.Type, VehicleMissionState.Unknown);
    }

    /// <summary>Sends, waits for a matching answer, re-sends on timeout up to MaxRetries; an error ACK cancels.</summary>
    private async Task<IMavlinkMessage> Exchange(MessageSubscription sub, Func<ValueTask> send, Func<IMavlinkMessage, bool> match,
        TimeSpan timeout, string op, MissionType type, string waitingFor, CancellationToken ct, bool acceptErrors = false)
    {
        for (var attempt = 0; attempt <= _o.MaxRetries; attempt++)
        {
            await send();
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                var got = await sub.NextAsync(deadline - DateTime.UtcNow, ct);
                if (got is null) break;
                if (match(got.Message)) return got.Message;
                if (!acceptErrors && got.Message is MissionAck { Type: not MavMissionResult.Accepted } a)
                    throw new MissionProtocolException(op, type, $"vehicle answered {ResultNames.Describe(a.Type)} while DxGeo waited for {waitingFor}", a.Type, VehicleMissionState.Unknown);
            }
        }
        if (op == "Download") await CancelAsync(type);
        throw new MissionProtocolException(op, type, $"no {waitingFor} from vehicle {target} after {_o.MaxRetries} retries (link lost?)", null, VehicleMissionState.Unknown);
    }

    /// <summary>Tells the vehicle to abandon the transaction so it is not left waiting (best effort).</summary>
    private async Task CancelAsync(MissionType type)
    {
        try
        {
            await connection.SendAsync(new MissionAck { TargetSystem = target.SystemId, TargetComponent = target.ComponentId,
                Type = MavMissionResult.OperationCancelled, MissionType = type });
        }
        catch (Exception e) when (e is Links.LinkClosedException or ObjectDisposedException) { }
    }
}

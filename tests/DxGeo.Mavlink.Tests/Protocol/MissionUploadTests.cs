using DxGeo.Flight.Missions;
using DxGeo.Mavlink.Links;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Protocol;
using DxGeo.Mavlink.Simulator;
using DxGeo.Mavlink.Tests.Support;

namespace DxGeo.Mavlink.Tests.Protocol;

public class MissionUploadTests
{
    public static TheoryData<int, double, AutopilotFlavor> Cases()
    {
        var d = new TheoryData<int, double, AutopilotFlavor>();
        foreach (var n in new[] { 1, 100, 700 })
            foreach (var loss in new[] { 0.0, 0.2, 0.4 })
                d.Add(n, loss, n == 100 ? AutopilotFlavor.Px4 : AutopilotFlavor.ArduPilot);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Upload_survives_loss_and_duplicates_and_reads_back_identical(int count, double loss, AutopilotFlavor flavor)
    {
        await using var h = new SimHarness(flavor, new LinkFaults { LossProbability = loss, DuplicateProbability = loss / 2, Seed = count });
        var plan = SimHarness.Plan(count);
        var client = h.Missions();
        var result = await client.UploadAsync(plan);
        Assert.True(result.Verified);

        // What the vehicle stored, item by item: exact where the protocol carries exact values.
        var stored = h.Vehicle.StoredItems(MissionType.Mission).Skip(flavor == AutopilotFlavor.ArduPilot ? 1 : 0).ToList();
        Assert.Equal(count, stored.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(plan[i].Command, stored[i].Command);
            Assert.Equal(MissionItemConversion.ToE7(plan[i].LatitudeDeg), MissionItemConversion.ToE7(stored[i].LatitudeDeg));
            Assert.Equal(MissionItemConversion.ToE7(plan[i].LongitudeDeg), MissionItemConversion.ToE7(stored[i].LongitudeDeg));
            Assert.Equal(plan[i].Param1, stored[i].Param1);
            Assert.Equal(plan[i].Z, stored[i].Z, 0.005f);
        }
        if (count <= 100)
        {
            var back = await client.DownloadAsync();
            Assert.Null(MissionComparer.FirstDifference(plan, back.Items, client.Options));
            if (flavor == AutopilotFlavor.ArduPilot)
            {
                // Item 0 on the vehicle is home, and the download reports it apart.
                Assert.NotNull(back.Home);
                Assert.Equal(h.Vehicle.Options.HomeLatDeg, back.Home.LatitudeDeg, 6);
            }
        }
        if (loss > 0) Assert.True(h.GcsLink.Dropped + h.VehicleLink.Dropped > 0);
    }

    [Fact]
    public async Task ArduPilot_asks_with_legacy_request_and_gets_item_int()
    {
        await using var h = new SimHarness(AutopilotFlavor.ArduPilot);
        var seen = new List<uint>();
        h.Gcs.MessageReceived += m => { lock (seen) seen.Add(m.Message.Spec.Id); };
        var sentIds = new List<uint>();
        h.Vehicle.Connection.MessageReceived += m => { lock (sentIds) sentIds.Add(m.Message.Spec.Id); };
        await h.Missions().UploadAsync(SimHarness.Plan(5));
        lock (seen) Assert.Contains(MissionRequest.Definition.Id, seen);
        lock (seen) Assert.DoesNotContain(MissionRequestInt.Definition.Id, seen);
        lock (sentIds) Assert.Contains(MissionItemInt.Definition.Id, sentIds);
        lock (sentIds) Assert.DoesNotContain(MissionItemLegacy.Definition.Id, sentIds);
    }

    [Fact]
    public async Task Dead_link_fails_after_bounded_retries_with_known_vehicle_state()
    {
        await using var h = new SimHarness(AutopilotFlavor.ArduPilot);
        h.GcsLink.Faults = new LinkFaults { Dead = true };
        var o = SimHarness.FastProtocol with { AckTimeout = TimeSpan.FromMilliseconds(20), MaxRetries = 3 };
        var e = await Assert.ThrowsAsync<MissionProtocolException>(() => h.Missions(o).UploadAsync(SimHarness.Plan(10)));
        Assert.Null(e.Result);
        Assert.Equal(VehicleMissionState.Unchanged, e.VehicleState);
        Assert.Contains("no answer from vehicle 1/1 after 3 retries", e.Message);
        Assert.Contains("never asked for the first item", e.Message);
        Assert.Equal(5, h.GcsLink.Dropped); // MISSION_COUNT + 3 retries, then a cancel that is also lost
    }

    [Fact]
    public async Task Link_dying_mid_upload_reports_partial_write_on_ardupilot()
    {
        await using var h = new SimHarness(AutopilotFlavor.ArduPilot, sim: SimHarness.FastSim with { MissionMaxRetries = 1000 });
        var o = SimHarness.FastProtocol with { AckTimeout = TimeSpan.FromMilliseconds(30), MaxRetries = 3, VerifyAfterUpload = false };
        var progress = new SyncProgress(p => { if (p.Done >= 50) h.GcsLink.Faults = h.VehicleLink.Faults = new LinkFaults { Dead = true }; });
        var e = await Assert.ThrowsAsync<MissionProtocolException>(() => h.Missions(o).UploadAsync(SimHarness.Plan(200), progress: progress));
        Assert.Equal(VehicleMissionState.PartiallyWritten, e.VehicleState);
        Assert.Contains("stopped asking after item", e.Message);
        Assert.Contains("clear or re-upload", e.Message);
    }

    [Fact]
    public async Task Error_ack_cancels_and_is_reported_by_name()
    {
        await using var h = new SimHarness(AutopilotFlavor.Px4, sim: SimHarness.FastSim with { MaxMissionItems = 50 });
        var e = await Assert.ThrowsAsync<MissionProtocolException>(() => h.Missions().UploadAsync(SimHarness.Plan(51)));
        Assert.Equal(MavMissionResult.NoSpace, e.Result);
        Assert.Contains("MAV_MISSION_NO_SPACE", e.Message);

        var bad = SimHarness.Plan(5);
        bad[3] = bad[3] with { LatitudeDeg = 91 };
        var e2 = await Assert.ThrowsAsync<MissionProtocolException>(() => h.Missions().UploadAsync(bad));
        Assert.Equal(MavMissionResult.InvalidParam5X, e2.Result);
        Assert.Contains("MAV_MISSION_INVALID_PARAM5_X", e2.Message);
        Assert.Equal(VehicleMissionState.Unchanged, e2.VehicleState);
        Assert.Empty(h.Vehicle.StoredItems(MissionType.Mission)); // PX4 commits only complete uploads
    }

    [Fact]
    public void Every_mission_result_code_has_its_mavlink_name()
    {
        foreach (var r in Enum.GetValues<MavMissionResult>())
        {
            var expected = "MAV_MISSION_" + string.Concat(r.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
            expected = expected.Replace("PARAM5_X", "PARAM5_X").Replace("INVALID_PARAM5X", "INVALID_PARAM5_X").Replace("INVALID_PARAM6Y", "INVALID_PARAM6_Y");
            Assert.StartsWith(expected + " (", ResultNames.Describe(r));
        }
    }

    [Fact]
    public async Task Fence_and_rally_items_upload_download_and_clear_per_type()
    {
        await using var h = new SimHarness(AutopilotFlavor.ArduPilot, new LinkFaults { LossProbability = 0.1, Seed = 3 });
        var client = h.Missions();
        var fence = new List<MissionItem>();
        (double Lat, double Lon)[] square = [(35.680, 139.765), (35.683, 139.765), (35.683, 139.769), (35.680, 139.769)];
        foreach (var (lat, lon) in square)
            fence.Add(new MissionItem { Command = MavCmd.NavFencePolygonVertexInclusion, Frame = MavFrame.Global, Param1 = 4, LatitudeDeg = lat, LongitudeDeg = lon });
        var rally = new List<MissionItem> { new() { Command = MavCmd.NavRallyPoint, Frame = MavFrame.GlobalRelativeAlt, LatitudeDeg = 35.681, LongitudeDeg = 139.766, Z = 20 } };
        await client.UploadAsync(SimHarness.Plan(10));
        await client.UploadAsync(fence, MissionType.Fence);
        await client.UploadAsync(rally, MissionType.Rally);

        var fenceBack = await client.DownloadAsync(MissionType.Fence);
        Assert.Null(fenceBack.Home); // no home offset outside the mission
        Assert.Null(MissionComparer.FirstDifference(fence, fenceBack.Items, client.Options));
        Assert.Equal(10, (await client.DownloadAsync()).Items.Count);

        await client.ClearAsync(MissionType.Fence);
        Assert.Empty((await client.DownloadAsync(MissionType.Fence)).Items);
        Assert.Single((await client.DownloadAsync(MissionType.Rally)).Items);
        await client.ClearAsync();
        Assert.Empty((await client.DownloadAsync()).Items);
    }

    private sealed class SyncProgress(Action<(long Done, long? Total, string What)> a) : IProgress<(long Done, long? Total, string What)>
    {
        public void Report((long Done, long? Total, string What) value) => a(value);
    }
}

using System.Text;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;
using DxGeo.Ops.Tests.Support;
using DxGeo.Ops.Triggers;

namespace DxGeo.Ops.Tests.Triggers;

public sealed class IntakeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Unsigned_and_badly_signed_alerts_are_refused()
    {
        var intake = new AlertIntake(OpsKit.Secret);
        var body = OpsKit.AlertJson("a-1");
        Assert.Equal(IntakeVerdict.Unsigned, intake.Receive(body, null, "t").Verdict);

        var tampered = OpsKit.AlertJson("a-1", areaCode: "221");
        Assert.Equal(IntakeVerdict.BadSignature, intake.Receive(tampered, OpsKit.Sign(body), "t").Verdict);

        var other = AlertSignature.Sign(body, Encoding.UTF8.GetBytes("another-secret-of-enough-length"), DateTimeOffset.UtcNow);
        Assert.Equal(IntakeVerdict.BadSignature, intake.Receive(body, other, "t").Verdict);

        Assert.Equal(IntakeVerdict.Accepted, intake.Receive(body, OpsKit.Sign(body), "t").Verdict);
    }

    [Fact]
    public void Replayed_delivery_and_stale_timestamp_are_refused()
    {
        var clock = new FixedClock(DateTimeOffset.Parse("2026-11-25T05:00:00Z"));
        var intake = new AlertIntake(OpsKit.Secret, clock: clock);
        var body = OpsKit.AlertJson("r-1");
        var sig = OpsKit.Sign(body, clock.Now);
        Assert.True(intake.Receive(body, sig, "t").Accepted);
        Assert.Equal(IntakeVerdict.ReplayedNonce, intake.Receive(body, sig, "t").Verdict);

        var late = OpsKit.AlertJson("r-2");
        Assert.Equal(IntakeVerdict.Stale, intake.Receive(late, OpsKit.Sign(late, clock.Now - TimeSpan.FromMinutes(6)), "t").Verdict);
        Assert.Equal(IntakeVerdict.Stale, intake.Receive(late, OpsKit.Sign(late, clock.Now + TimeSpan.FromMinutes(6)), "t").Verdict);
        Assert.True(intake.Receive(late, OpsKit.Sign(late, clock.Now - TimeSpan.FromMinutes(4)), "t").Accepted);
    }

    [Fact]
    public async Task The_same_alert_twice_launches_once_even_after_a_restart()
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission());
        var body = OpsKit.AlertJson("dup-1");
        var first = await kit.Dispatcher().ReceiveAsync(body, OpsKit.Sign(body), "t", TriggerSource.Http);
        Assert.Single(first.Runs);

        // Same alert, freshly signed (a second receiver relaying it), to the same and to a restarted dispatcher.
        var again = await kit.Dispatcher().ReceiveAsync(body, OpsKit.Sign(body), "t", TriggerSource.Http);
        Assert.Equal(IntakeVerdict.Duplicate, again.Intake.Verdict);
        Assert.Empty(again.Runs);
        var watcherCopy = await kit.Dispatcher().ReceiveTrustedAsync(AlertParser.Parse(body, "t"), "t", TriggerSource.FileWatcher);
        Assert.Empty(watcherCopy.Runs);

        Assert.Equal(1, kit.Workspace.Count(OperationLayers.Runs));
        Assert.Equal(3, kit.Workspace.Count(OperationLayers.Alerts));
    }

    [Fact]
    public async Task Watched_folder_launches_a_signed_file_and_refuses_an_unsigned_one()
    {
        using var kit = new OpsKit();
        StandingMissionStore.Add(kit.Workspace, OpsKit.Mission());
        var dispatcher = kit.Dispatcher();
        var results = new List<DxGeo.Ops.Supervision.DispatchResult>();
        var folder = Path.Combine(kit.Dir, "inbox");
        var done = new SemaphoreSlim(0);
        using (new AlertFolderWatcher(folder, async (path, body, sig) =>
               {
                   results.Add(await dispatcher.ReceiveAsync(body, sig, path, TriggerSource.FileWatcher));
                   done.Release();
               }) { SettleTime = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.FromMilliseconds(50), SidecarGrace = TimeSpan.FromMilliseconds(300) })
        {
            var signed = OpsKit.AlertJson("file-1");
            File.WriteAllText(Path.Combine(folder, "a.json.sig"), OpsKit.Sign(signed).ToSidecar());
            File.WriteAllBytes(Path.Combine(folder, "a.json"), signed);
            File.WriteAllBytes(Path.Combine(folder, "b.json"), OpsKit.AlertJson("file-2"));
            Assert.True(await done.WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.True(await done.WaitAsync(TimeSpan.FromSeconds(20)));
        }
        var launched = Assert.Single(results, r => r.Intake.Accepted);
        Assert.Equal(OperationResult.Completed, Assert.Single(launched.Runs).Result);
        Assert.Equal(IntakeVerdict.Unsigned, Assert.Single(results, r => !r.Intake.Accepted).Intake.Verdict);
    }
}

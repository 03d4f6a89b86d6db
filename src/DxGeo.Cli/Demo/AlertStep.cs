using System.Globalization;
using DxGeo.Cli.Commands;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Flight.Storage;
using DxGeo.Ops.Log;
using DxGeo.Ops.Missions;

namespace DxGeo.Cli.Demo;

/// <summary>
/// The alert-triggered mission: a standing mission on the levee plan stored by the survey step (loudspeaker relay on at
/// the first waypoint, off at the last), then the sample tsunami warning for the town's coast runs through the whole
/// chain on the simulator: signed intake, gate, take-off, broadcast, return. The operation log is printed, written to
/// the output folder and kept in the workspace (operation_runs, operation_events, operation_alerts).
/// </summary>
internal sealed class AlertStep : IDemoStep
{
    public string Title => "Alert-triggered mission: tsunami warning → gate → broadcast flight → return";

    public void Run(DemoContext ctx) => RunAsync(ctx).GetAwaiter().GetResult();

    private static async Task RunAsync(DemoContext ctx)
    {
        var ws = ctx.Workspace ?? throw new InvalidOperationException("workspace step must run first");
        var plan = StoredLeveePlan(ws);
        var definition = Path.Combine(ctx.OutDir, "standing-mission-levee.json");
        File.WriteAllText(definition, $$"""
            {
              "name": "levee-tsunami-broadcast",
              "plan": "{{plan}}",
              "link": "sim",
              "trigger": { "kinds": ["tsunami"], "areas": ["220", "宮城県"], "minLevel": "warning" },
              "payload": [ { "at": "first", "action": "relay_on", "channel": 0 }, { "at": "last", "action": "relay_off", "channel": 0 } ],
              "return": "rtl",
              "reserveBatteryPct": 25
            }
            """);
        var mission = StandingMissionFile.Read(definition, ws);
        StandingMissionStore.Add(ws, mission, replace: true);
        ctx.Out.WriteLine($"Standing mission '{mission.Name}' on stored plan {plan} ({MissionAssembly.Build(mission).Items.Count} items), definition {Path.GetFileName(definition)}");

        var alertFile = Path.GetFullPath(Path.Combine(ctx.SampleDir, "..", "alerts", "tsunami-warning-kawaminato.xml"));
        if (!File.Exists(alertFile)) throw new DxGeoException($"sample alert not found: {alertFile}");
        var result = await OpsCli.SimulateAsync(ws, File.ReadAllBytes(alertFile), alertFile, new OpsSimulationSettings { TimeScale = 30, WindMps = 4 }, null, CancellationToken.None);
        if (!result.Intake.Accepted) throw new DxGeoException($"sample alert refused: {result.Intake.Reason}");
        var run = result.Runs.SingleOrDefault(r => r.MissionName == mission.Name)
                  ?? throw new DxGeoException($"the sample alert did not launch '{mission.Name}': {string.Join("; ", result.Notes)}");
        OpsCli.Print(ctx.Out, run);
        var (json, geojson) = OpsCli.Export([run], Path.Combine(ctx.OutDir, "operation-log"));
        ctx.Out.WriteLine($"Operation log: {Path.GetFileName(json)}, {Path.GetFileName(geojson)}; layers {OperationLayers.Runs}, {OperationLayers.Events}, {OperationLayers.Alerts}");

        var inv = CultureInfo.InvariantCulture;
        var payload = run.Events.Where(e => e.Kind == OperationEventKind.Payload).Select(e => e.Name).ToList();
        ctx.Summary.Add(string.Create(inv, $"- Alert-triggered mission `{mission.Name}` on `{plan}`: {run.AlertSummary} ({Path.GetFileName(alertFile)}) → " +
            $"gate {(run.Result == OperationResult.GateRefused ? "NO-GO" : "GO")}, result {run.Result}; alert → armed {run.AlertToArmedS:0.0} s, " +
            $"→ take-off {run.AlertToTakeoffS:0.0} s (simulator at 30×); payload {string.Join(", ", payload)}; {run.Events.Count} log entries in " +
            $"`{OperationLayers.Events}`, track `{run.FlightId}`; exported `operation-log.json` / `.geojson`"));
        if (run.Result != OperationResult.Completed) throw new DxGeoException($"the simulated alert flight did not complete: {run.ResultReason}");
    }

    /// <summary>The newest stored plan of a levee (first sortie).</summary>
    private static string StoredLeveePlan(Core.Workspace.IWorkspace ws)
    {
        if (ws.FindLayer(PlannedFlightsLayer.Name) is null) throw new DxGeoException("no stored plans: the survey plan step must run first");
        var s = PlannedFlightsLayer.Schema;
        var q = new Core.Workspace.FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["asset_layer"] = "levees", ["sortie"] = 1L } };
        FeatureRecord? newest = ws.Read(PlannedFlightsLayer.Name, q).OrderByDescending(f => (DateTimeOffset)f.Values[s.IndexOf("created_at")]!).FirstOrDefault();
        return newest is null ? throw new DxGeoException("no stored levee plan in planned_flights") : (string)newest.Values[s.IndexOf("plan_id")]!;
    }
}

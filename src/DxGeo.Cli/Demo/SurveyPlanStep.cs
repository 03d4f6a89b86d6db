using System.Globalization;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Planning;
using DxGeo.Flight.Storage;

namespace DxGeo.Cli.Demo;

/// <summary>
/// Plans one levee corridor and one bridge of the sample town (avoiding the town's no-fly zones), writes them as
/// .plan files, stores them in planned_flights, prints their summaries, and hands the levee plan to the flight step.
/// </summary>
internal sealed class SurveyPlanStep : IDemoStep
{
    public string Title => "Survey flight plans: a levee and a bridge";

    public void Run(DemoContext ctx)
    {
        var ws = ctx.Workspace ?? throw new InvalidOperationException("workspace step must run first");
        var zones = ws.ReadAll(AssetLayers.NoFlyZones).ToList();
        var levee = ws.ReadAll(AssetLayers.Levees).Where(l => l.BaseWidthM is > 0).OrderBy(l => l.LeveeId, StringComparer.Ordinal).FirstOrDefault()
                    ?? throw new DxGeoException("the sample town has no levee with a base width");
        var bridge = ws.ReadAll(AssetLayers.Bridges).Where(b => b.Geometry is NetTopologySuite.Geometries.LineString && b.WidthM is > 0 && b.DeckHeightM is > 0)
                         .OrderBy(b => b.BridgeId, StringComparer.Ordinal).FirstOrDefault()
                     ?? throw new DxGeoException("the sample town has no bridge with a deck line, width and height");
        var request = new PlanRequest { NoFlyZones = zones };
        var leveePlan = FlightPlanner.PlanLevee(levee, request);
        var bridgePlan = FlightPlanner.PlanBridge(bridge, request, new BridgeRequest());
        var inv = CultureInfo.InvariantCulture;
        foreach (var (plan, file) in new[] { (leveePlan, $"levee-{levee.LeveeId}.plan"), (bridgePlan, $"bridge-{bridge.BridgeId}.plan") })
        {
            ctx.Out.Write(PlanSummary.Format(plan));
            var written = PlanExport.Write(plan, Path.Combine(ctx.OutDir, file));
            var id = PlannedFlightStore.Save(ws, plan);
            ctx.Out.WriteLine($"written {string.Join(", ", written.Select(Path.GetFileName))}; stored as '{id}'");
            ctx.Out.WriteLine();
            if (plan == leveePlan) ctx.Items[LeveeFlightStep.PlanKey] = written[0];
            ctx.Summary.Add(string.Create(inv,
                $"- Plan `{string.Join("`, `", written.Select(Path.GetFileName))}` for {plan.Asset!.Layer}/{plan.Asset.Id}: {plan.Sorties.Count} sortie(s), " +
                $"{plan.TotalDistanceM / 1000:0.00} km, {plan.TotalTimeS / 60:0.0} min, {plan.TotalPhotos} photos, " +
                $"GSD {string.Join(" / ", plan.Passes.Select(p => p.GsdCmPerPx).Distinct().Select(g => (g * 10).ToString("0.0", inv)))} mm/px, " +
                $"max {plan.Sorties.Max(s => s.MaxDistanceFromLaunchM):0} m from launch"));
        }
    }
}

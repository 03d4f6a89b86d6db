using DxGeo.Core.Workspace;
using DxGeo.Core.Features;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Storage;

/// <summary>A stored sortie as the web map and the operations side read it back.</summary>
public sealed record PlannedFlightRow(long Fid, string PlanId, string PlanName, string? AssetLayer, string? AssetId, string Pattern,
    int Sortie, int SortieCount, string LaunchId, double GsdCmPerPx, double DistanceM, double DurationS, int PhotoCount,
    double MaxDistanceFromLaunchM, DateTimeOffset CreatedAt, LineString Route, string PlanJson);

/// <summary>Stores plans in the workspace's <c>planned_flights</c> layer (created on first use), all sorties of a plan
/// in one transaction, and reads them back by asset.</summary>
public static class PlannedFlightStore
{
    /// <summary>Stores every sortie of <paramref name="plan"/>; returns the plan id.</summary>
    public static string Save(IWorkspace ws, FlightPlan plan, DateTimeOffset? createdAt = null)
    {
        var at = createdAt ?? DateTimeOffset.UtcNow;
        var planId = $"{plan.Name}@{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        var wgs = new GeometryFactory(new PrecisionModel(), 4326);
        var schema = PlannedFlightsLayer.Schema;
        var gsd = plan.Passes.Min(p => p.GsdCmPerPx);
        var uncovered = plan.Uncovered.Sum(u => u.AreaM2);
        var warnings = plan.Warnings.Count == 0 ? null : string.Join("\n", plan.Warnings);
        var rows = plan.Sorties.Select(s => new FeatureRecord(
            wgs.CreateLineString(s.Route.Coordinates.Select(c => new Coordinate(c.X, c.Y)).ToArray()),
            [
                planId, plan.Name, plan.Asset?.Layer, plan.Asset?.Id, plan.PatternKind, (long)s.Index, (long)plan.Sorties.Count,
                s.LaunchId, s.LaunchLonDeg, s.LaunchLatDeg, plan.Camera.Id, gsd, s.MaxAltitudeM, s.DistanceM, s.TimeS,
                (long)s.PhotoCount, s.MaxDistanceFromLaunchM, uncovered, warnings, at, QgcPlan.Format(PlanExport.ToFile(plan, s)),
            ])).ToList();
        using var w = ws.BeginWrite();
        if (ws.FindLayer(schema.Name) is null) w.CreateLayer(schema);
        foreach (var r in rows) w.Insert(schema.Name, r);
        w.Commit();
        return planId;
    }

    /// <summary>Stored sorties of plans for one asset, newest plan first, sorties in order.</summary>
    public static IReadOnlyList<PlannedFlightRow> ForAsset(IWorkspace ws, string assetLayer, string assetId)
    {
        if (ws.FindLayer(PlannedFlightsLayer.Name) is null) return [];
        var q = new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["asset_layer"] = assetLayer, ["asset_id"] = assetId } };
        return ws.Read(PlannedFlightsLayer.Name, q).Select(Row)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Sortie).ToList();
    }

    private static PlannedFlightRow Row(FeatureRecord r)
    {
        var s = PlannedFlightsLayer.Schema;
        object? V(string f) => r.Values[s.IndexOf(f)];
        return new PlannedFlightRow(r.Fid ?? 0, (string)V("plan_id")!, (string)V("plan_name")!, V("asset_layer") as string, V("asset_id") as string,
            (string)V("pattern")!, (int)(long)V("sortie")!, (int)(long)V("sortie_count")!, (string)V("launch_id")!,
            (double)V("gsd_cm_per_px")!, (double)V("distance_m")!, (double)V("duration_s")!, (int)(long)V("photo_count")!,
            (double)V("max_distance_from_launch_m")!, (DateTimeOffset)V("created_at")!, (LineString)r.Geometry!, (string)V("plan_json")!);
    }
}

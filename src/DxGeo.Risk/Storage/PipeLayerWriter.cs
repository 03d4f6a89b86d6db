using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Risk.Features;
using DxGeo.Risk.Models.Imputation;
using DxGeo.Risk.Renewal;
using DxGeo.Risk.Scoring;

namespace DxGeo.Risk.Storage;

/// <summary>
/// Writes risk, priority, plan year and filled ledger gaps back onto the pipe layer, so GIS and the web map show
/// them. Every change is computed and checked first, then written in one transaction: on any error nothing is written.
/// </summary>
public static class PipeLayerWriter
{
    private static readonly string[] RiskFields = ["risk_break_prob", "risk_priority", "renewal_year"];
    private static readonly string[] LedgerFields = ["material", "material_imputed", "install_year", "install_year_imputed"];

    /// <summary>Sets risk_break_prob of each scored pipe. Returns the number of pipes updated.</summary>
    public static int WriteRisk(IWorkspace ws, IReadOnlyList<PipeRiskScore> scores) =>
        Apply(ws, scores.ToDictionary(s => s.PipeId, s => (Func<WaterPipe, WaterPipe>)(p => p with { RiskBreakProb = s.BreakProbability })),
            ["risk_break_prob"]);

    /// <summary>Sets risk_break_prob, risk_priority and renewal_year (null where the plan does not renew the pipe).</summary>
    public static int WritePlan(IWorkspace ws, RenewalPlan plan) =>
        Apply(ws, plan.Priorities.ToDictionary(x => x.PipeId, x => (Func<WaterPipe, WaterPipe>)(p => p with
        {
            RiskBreakProb = x.BreakProbability, RiskPriority = x.Priority, RenewalYear = x.RenewalYear,
        })), RiskFields);

    /// <summary>Fills gaps and flags them as imputed. A recorded value is never overwritten (checked against the stored pipe).</summary>
    public static int WriteFills(IWorkspace ws, IReadOnlyList<LedgerFill> fills) =>
        Apply(ws, fills.ToDictionary(f => f.PipeId, f => (Func<WaterPipe, WaterPipe>)(p =>
        {
            if (f.Material is { } m && LedgerFeatureBuilder.KnownMaterial(p) is not null)
                throw new DxGeoException($"pipe '{p.PipeId}': refusing to overwrite its recorded material {AssetCodes.Code(p.Material)}");
            if (f.InstallYear is not null && LedgerFeatureBuilder.KnownYear(p) is not null)
                throw new DxGeoException($"pipe '{p.PipeId}': refusing to overwrite its recorded install year {p.InstallYear}");
            return p with
            {
                Material = f.Material ?? p.Material, MaterialImputed = f.Material is not null || p.MaterialImputed,
                InstallYear = f.InstallYear ?? p.InstallYear, InstallYearImputed = f.InstallYear is not null || p.InstallYearImputed,
            };
        })), LedgerFields);

    private static int Apply(IWorkspace ws, IReadOnlyDictionary<string, Func<WaterPipe, WaterPipe>> changes, string[] fields)
    {
        var layer = AssetLayers.Pipes;
        var info = ws.FindLayer(layer.Schema.Name)
            ?? throw new DxGeoException($"{ws.Location}: no layer '{layer.Schema.Name}' to write results to");
        var stored = info.Schema;
        var missing = fields.Where(f => stored.IndexOf(f) < 0).ToArray();
        if (missing.Length > 0)
            throw new DxGeoException($"{ws.Location}: layer '{info.Name}' has no field(s) {string.Join(", ", missing)}; " +
                "re-import the pipes into a workspace created by `dxgeo init` (its pipe layer has the risk fields)");
        var idIndex = stored.IndexOf("pipe_id");
        var fieldIndex = fields.Select(f => (Stored: stored.IndexOf(f), Known: layer.Schema.IndexOf(f))).ToArray();

        // Compute every update before opening the write.
        var updates = new List<FeatureRecord>(changes.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in ws.Read(info.Name))
        {
            if (r.Values[idIndex] is not string id || !changes.TryGetValue(id, out var change)) continue;
            if (!seen.Add(id)) throw new InputDataException("pipe id occurs more than once", ws.Location, r.Fid, id, "pipe_id");
            var before = layer.FromRecord(Known(r, stored, layer.Schema));
            var after = layer.ToRecord(change(before));
            var values = (object?[])r.Values.Clone();
            foreach (var (s, k) in fieldIndex) values[s] = after.Values[k];
            updates.Add(new FeatureRecord(r.Geometry, values, r.Fid));
        }
        var absent = changes.Keys.FirstOrDefault(k => !seen.Contains(k));
        if (absent is not null)
            throw new DxGeoException($"{ws.Location}: pipe '{absent}' is not in layer '{info.Name}' (was the layer changed since it was read?)");

        using var write = ws.BeginWrite();
        foreach (var u in updates) write.Update(info.Name, u);
        write.Commit();
        return updates.Count;
    }

    private static FeatureRecord Known(FeatureRecord r, LayerSchema stored, LayerSchema known)
    {
        var values = new object?[known.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var j = stored.IndexOf(known.Fields[i].Name);
            values[i] = j >= 0 && j < r.Values.Length ? r.Values[j] : null;
        }
        return new FeatureRecord(r.Geometry, values, r.Fid);
    }
}

using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Spatial;
using DxGeo.Core.Workspace;
using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Renewal;
using DxGeo.Web.Internal;

namespace DxGeo.Web.Water;

/// <summary>
/// The water bureau's view, from what <c>dxgeo risk score</c> / <c>risk plan</c> wrote onto the pipe layer
/// (risk_break_prob, risk_priority, renewal_year): the risk ranking, the renewal plan by year with its cost
/// (the risk library's cost table), the capture curve of recorded breaks against the ranking, and the pipes near
/// planned road works (the core's within-distance operation). Read-only.
/// </summary>
internal static class WaterEndpoints
{
    public const int MaxRanking = 2000;
    private const double MaxRoadWorkDistanceM = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/water").WithTags("Water bureau");
        g.MapGet("/ranking", Ranking).WithName("waterRanking").WithSummary("Pipes by break risk, highest first").ProducesProblem(400).ProducesProblem(404);
        g.MapGet("/renewal", Renewal).WithName("waterRenewal").WithSummary("Renewal plan by year (length, cost, expected breaks avoided)").ProducesProblem(404);
        g.MapGet("/capture", Capture).WithName("waterCapture").WithSummary("Share of recorded breaks on the top x % of the network by risk").ProducesProblem(404);
        g.MapGet("/roadworks", RoadWorks).WithName("waterRoadWorks").WithSummary("Pipes within distanceM of planned road works").ProducesProblem(400).ProducesProblem(404);
    }

    private static List<WaterPipe> Pipes(ServedWorkspace ws)
    {
        if (ws.Workspace.FindLayer(AssetLayers.Pipes.Schema.Name) is not { } info)
            throw ProblemException.NotFound($"the workspace has no '{AssetLayers.Pipes.Schema.Name}' layer");
        if (info.Schema.IndexOf("risk_break_prob") < 0)
            throw ProblemException.NotFound("the pipe layer has no risk_break_prob field (a workspace made by `dxgeo init` has it; run `dxgeo risk score`)");
        return ws.Workspace.ReadAll(AssetLayers.Pipes).ToList();
    }

    private static IResult Ranking(int? limit, ServedWorkspace ws)
    {
        if (limit is < 1) throw ProblemException.BadRequest("limit must be ≥ 1");
        var pipes = Pipes(ws);
        var scored = pipes.Where(p => p.RiskBreakProb is not null).OrderByDescending(p => p.RiskBreakProb).ThenBy(p => p.PipeId, StringComparer.Ordinal).ToList();
        var n = Math.Min(limit ?? 200, MaxRanking);
        return Results.Json(new
        {
            pipes = pipes.Count, scored = scored.Count, returned = Math.Min(n, scored.Count),
            ranking = scored.Take(n).Select((p, i) => new
            {
                rank = i + 1, pipeId = p.PipeId, material = AssetCodes.Code(p.Material), diameterMm = p.DiameterMm, installYear = p.InstallYear,
                lengthM = Math.Round(p.LengthM, 1), riskBreakProb = p.RiskBreakProb, riskPriority = p.RiskPriority, renewalYear = p.RenewalYear,
                bbox = Box(p),
            }),
        }, Json.Options);
    }

    private static IResult Renewal(ServedWorkspace ws)
    {
        var costs = CostTable.Default();
        var years = Pipes(ws).Where(p => p.RenewalYear is not null).GroupBy(p => p.RenewalYear!.Value).OrderBy(g => g.Key).Select(g => new
        {
            year = g.Key, segments = g.Count(), lengthKm = Math.Round(g.Sum(p => p.LengthM) / 1000, 3),
            costYen = Math.Round(g.Sum(p => costs.YenPerM(p.DiameterMm) * p.LengthM)),
            expectedBreaksAvoided = Math.Round(g.Sum(p => p.RiskBreakProb ?? 0), 2),
            pipeIds = g.OrderByDescending(p => p.RiskPriority ?? 0).Select(p => p.PipeId).ToList(),
        }).ToList();
        return Results.Json(new { costSource = costs.Source, years }, Json.Options);
    }

    private static IResult Capture(ServedWorkspace ws)
    {
        var pipes = Pipes(ws).Where(p => p.RiskBreakProb is not null).ToList();
        var breaks = ws.Workspace.FindLayer(AssetLayers.Breaks.Schema.Name) is null ? []
            : ws.Workspace.ReadAll(AssetLayers.Breaks).Where(b => b.PipeId is not null).ToList();
        if (pipes.Count == 0 || breaks.Count == 0)
            throw ProblemException.NotFound("a capture curve needs scored pipes (dxgeo risk score) and pipe breaks linked to pipes");
        var lastYear = breaks.Max(b => b.Date.Year);
        var perPipe = breaks.Where(b => b.Date.Year == lastYear).GroupBy(b => b.PipeId!).ToDictionary(g => g.Key, g => (double)g.Count());
        var outcome = pipes.Select(p => perPipe.GetValueOrDefault(p.PipeId)).ToArray();
        var weight = pipes.Select(p => p.LengthM).ToArray();
        var risk = new RankedCapture(pipes.Select(p => p.RiskBreakProb!.Value).ToArray(), weight, outcome);
        // The age baseline engineers use without a model: oldest first.
        var age = new RankedCapture(pipes.Select(p => (double)(-(p.InstallYear ?? 3000))).ToArray(), weight, outcome);
        return Results.Json(new
        {
            year = lastYear, breaks = (int)outcome.Sum(), byLength = true,
            note = "breaks recorded in the last year of the layer against today's risk; the model may have seen them in training (in-sample), see the risk report's held-out figures",
            risk = risk.Curve(50).Select(p => new[] { Math.Round(p.X, 4), Math.Round(p.Y, 4) }),
            age = age.Curve(50).Select(p => new[] { Math.Round(p.X, 4), Math.Round(p.Y, 4) }),
        }, Json.Options);
    }

    private static IResult RoadWorks(double? distanceM, ServedWorkspace ws)
    {
        var d = distanceM ?? 5;
        if (!double.IsFinite(d) || d < 0 || d > MaxRoadWorkDistanceM)
            throw ProblemException.BadRequest($"distanceM {d} must be 0–{MaxRoadWorkDistanceM}");
        var works = AssetLayers.RoadWorks.Schema.Name;
        if (ws.Workspace.FindLayer(works) is null) throw ProblemException.NotFound($"the workspace has no '{works}' layer");
        var hits = WithinDistanceOp.Run(ws.Workspace, AssetLayers.Pipes.Schema.Name, works, null, d);
        var planned = ws.Workspace.ReadAll(AssetLayers.RoadWorks).ToDictionary(w => w.WorkId, w => w.PlannedYear);
        return Results.Json(new
        {
            distanceM = d,
            pipes = hits.Select(h => new
            {
                pipeId = h.Id, workId = h.TargetId, plannedYear = h.TargetId is { } t ? planned.GetValueOrDefault(t) : null,
                distanceM = h.DistanceM is { } m ? Math.Round(m, 1) : (double?)null,
                bbox = h.Feature.Geometry is { } g ? new[] { g.EnvelopeInternal.MinX, g.EnvelopeInternal.MinY, g.EnvelopeInternal.MaxX, g.EnvelopeInternal.MaxY } : null,
            }),
        }, Json.Options);
    }

    private static double[] Box(WaterPipe p)
    {
        var e = p.Geometry.EnvelopeInternal;
        return [e.MinX, e.MinY, e.MaxX, e.MaxY];
    }
}

namespace DxGeo.Cli.Demo;

/// <summary>Pipe break risk: train on the town's break history (time-split evaluation against both baselines),
/// score every pipe, fill ledger gaps, and plan five years of renewal within a default budget.</summary>
internal sealed class RiskStep : CliStep
{
    public const double DefaultBudgetYen = 300_000_000;

    public override string Title => "Pipe break risk and renewal plan";

    public override void Run(DemoContext ctx)
    {
        var dir = Path.Combine(ctx.OutDir, "risk");
        Dxgeo(ctx, "risk", "train", "--out", dir);
        Dxgeo(ctx, "risk", "score", "--model", dir, "--top", "5");
        Dxgeo(ctx, "risk", "impute", "--model", dir);
        Dxgeo(ctx, "risk", "plan", "--model", dir, "--budget", DefaultBudgetYen.ToString("F0"), "--years", "5",
            "--out", Path.Combine(dir, "renewal-plan.csv"), "--geojson", Path.Combine(dir, "pipe-risk.geojson"));
        ctx.Summary.Add($"- Pipe risk: model card `risk/card.md`, capture curve `risk/capture-curve.png`, renewal plan `risk/renewal-plan.csv` (budget ¥{DefaultBudgetYen:N0}/year, 5 years), risk written to the `water_pipes` layer");
    }
}

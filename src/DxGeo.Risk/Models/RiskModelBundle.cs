using DxGeo.Core.Errors;
using DxGeo.Risk.Models.Imputation;
using DxGeo.Risk.Reports;

namespace DxGeo.Risk.Models;

/// <summary>
/// The model folder (<c>models/pipe-risk/</c>): break-risk.zip (+ .prior.json), ledger-material.zip,
/// ledger-year.zip, card.json, card.md and the PNG plots. Written to a temporary folder first and moved into
/// place file by file, so a failed training never leaves a half-written model.
/// </summary>
public sealed class RiskModelBundle
{
    public const string BreakModelFile = "break-risk.zip";
    public const string MaterialModelFile = "ledger-material.zip";
    public const string YearModelFile = "ledger-year.zip";
    public const string CardJsonFile = "card.json";
    public const string CardMarkdownFile = "card.md";
    public const string CaptureCurveFile = "capture-curve.png";
    public const string CaptureCurveLengthFile = "capture-curve-length.png";
    public const string CalibrationFile = "calibration.png";

    public required string Directory { get; init; }
    public required BreakRiskModel Model { get; init; }
    public required LedgerGapModels Ledger { get; init; }
    public required MetricCard Card { get; init; }

    public static RiskModelBundle Load(string dir)
    {
        if (!System.IO.Directory.Exists(dir))
            throw new DxGeoException($"{dir}: no model folder (train one with `dxgeo risk train --out {dir}`)");
        var cardPath = Path.Combine(dir, CardJsonFile);
        if (!File.Exists(cardPath)) throw new DxGeoException($"{cardPath}: metric card missing; retrain with `dxgeo risk train`");
        MetricCard card;
        try { card = MetricCard.FromJson(File.ReadAllText(cardPath)); }
        catch (System.Text.Json.JsonException e) { throw new DxGeoException($"{cardPath}: unreadable metric card ({e.Message})", e); }
        return new RiskModelBundle
        {
            Directory = dir,
            Model = BreakRiskModel.Load(Path.Combine(dir, BreakModelFile)),
            Ledger = LedgerGapModels.Load(Path.Combine(dir, MaterialModelFile), Path.Combine(dir, YearModelFile)),
            Card = card,
        };
    }

    internal static IReadOnlyList<string> Save(RiskTrainingResult r, string dir)
    {
        var full = Path.GetFullPath(dir);
        System.IO.Directory.CreateDirectory(full);
        var tmp = Path.Combine(full, $".tmp-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(tmp);
        try
        {
            r.Model.Save(Path.Combine(tmp, BreakModelFile));
            r.Ledger.Save(Path.Combine(tmp, MaterialModelFile), Path.Combine(tmp, YearModelFile));
            File.WriteAllText(Path.Combine(tmp, CardJsonFile), r.Card.ToJson());
            File.WriteAllText(Path.Combine(tmp, CardMarkdownFile), MetricCardMarkdown.Render(r.Card));
            var years = string.Join(", ", r.Card.Split.TestYears);
            RiskPlots.CaptureCurve(r.Evaluation.PooledCurveByCount, Path.Combine(tmp, CaptureCurveFile), byLength: false, $"held-out {years}");
            RiskPlots.CaptureCurve(r.Evaluation.PooledCurveByLength, Path.Combine(tmp, CaptureCurveLengthFile), byLength: true, $"held-out {years}, by length");
            RiskPlots.Calibration(r.Evaluation.PooledCalibration, Path.Combine(tmp, CalibrationFile), $"held-out {years}");
            var written = new List<string>();
            foreach (var f in System.IO.Directory.GetFiles(tmp))
            {
                var target = Path.Combine(full, Path.GetFileName(f));
                File.Move(f, target, overwrite: true);
                written.Add(target);
            }
            return written;
        }
        finally
        {
            if (System.IO.Directory.Exists(tmp)) System.IO.Directory.Delete(tmp, recursive: true);
        }
    }
}

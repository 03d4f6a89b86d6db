using System.Globalization;
using System.Text;
using System.Text.Json;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Imagery.Damage.Card;

/// <summary>Writes <c>card.md</c>, <c>card.json</c> and <c>pr-curve.png</c> for a trained damage model.</summary>
public static class ModelCardWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Write(string outDir, DamageTrainingResult r, IReadOnlyList<string> sets, HeldoutSampleReport? sample,
        IReadOnlyList<PhotoBudgetReport.Row>? photos = null)
    {
        var card = new ModelCard
        {
            ModelId = r.Manifest.ModelId, Threshold = r.Manifest.Threshold, TargetRecall = r.Manifest.TargetRecall,
            Featurizer = r.Main.Featurizer, Head = r.Main.Head.ToString(), Sets = sets, Split = r.Split,
            Validation = ModelCard.Map(r.Main.Validation), Heldout = ModelCard.Map(r.Main.Heldout),
            BaselineHeldout = r.Baseline is null ? new Dictionary<string, CardMetrics>() : ModelCard.Map(r.Baseline.Heldout),
            BaselineThreshold = r.Baseline?.Threshold,
            HeldoutSample = sample is null ? new Dictionary<string, CardMetrics>() : ModelCard.Map(sample.Main),
            BaselineHeldoutSample = sample is null ? new Dictionary<string, CardMetrics>() : ModelCard.Map(sample.Baseline),
            PrefilterHeldout = ModelCard.Map(r.PrefilterHeldout),
            PhotoBudget = photos ?? [],
        };
        File.WriteAllText(Path.Combine(outDir, ModelCard.FileName), JsonSerializer.Serialize(card, DamageModelManifest.Json));
        PrCurvePlot.Save(r.Main, r.Baseline, r.Manifest.TargetRecall, Path.Combine(outDir, "pr-curve.png"));
        File.WriteAllText(Path.Combine(outDir, "card.md"), Markdown(r, card, sets, sample, photos ?? []));
        return ["card.md", ModelCard.FileName, "pr-curve.png"];
    }

    public static string PerSourceTable(DamageTrainingResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| source | model | n | damaged | accuracy | precision | recall | F1 | ROC AUC |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in r.Main.Heldout)
        {
            Row(sb, m, $"{r.Main.Featurizer} + {r.Main.Head}");
            if (r.Baseline?.Heldout.FirstOrDefault(b => b.Source == m.Source) is { } b) Row(sb, b, $"{r.Baseline.Featurizer} + {r.Baseline.Head} (baseline)");
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, SourceMetrics s, string model)
    {
        var m = s.Metrics;
        sb.AppendLine(string.Create(C, $"| {s.Source} | {model} | {m.N} | {m.Positives} | {m.Accuracy:F3} | {m.Precision:F3} | {m.Recall:F3} | {m.F1:F3} | {(double.IsNaN(m.Auc) ? "–" : m.Auc.ToString("F3", C))} |"));
    }

    private static string FirstPassWhat(string featurizer) => featurizer switch
    {
        Featurizers.ResNet18PreviewFeaturizer.FeaturizerName => "the pretrained ResNet18 cut after its third stage, pooled",
        Featurizers.PreviewFeaturizer.FeaturizerName => "texture statistics",
        _ => featurizer,
    };

    private static string Markdown(DamageTrainingResult r, ModelCard card, IReadOnlyList<string> sets, HeldoutSampleReport? sample,
        IReadOnlyList<PhotoBudgetReport.Row> photos)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Damage model card: `{card.ModelId}`");
        sb.AppendLine();
        sb.AppendLine(string.Create(C, $"Tile classifier (damaged / undamaged) for inspection photos. Featurizer **{card.Featurizer}**, ML.NET head **{card.Head}**, " +
            $"decision threshold **{card.Threshold:F4}**, chosen so that recall ≥ {card.TargetRecall:P0} holds on **every** source on out-of-fold scores " +
            $"(grouped 5-fold over all non-held-out photos, grouped by source photo; the held-out photos are never used to choose anything). " +
            $"Tiles: {r.Manifest.Tiling.TileGroundM} m of ground when the GSD is known, else {r.Manifest.Tiling.DefaultTilePx} px; resized to {r.Manifest.Tiling.InputPx} px."));
        if (r.Manifest.Prefilter is { } pre)
            sb.AppendLine(string.Create(C, $"Cascade: a first pass (**{pre.Featurizer}**: {FirstPassWhat(pre.Featurizer)}) on a 64-px preview of every tile (from a 1/4- or 1/8-scale decode; threshold {pre.Threshold:F4}, " +
                $"chosen for recall ≥ 99 % per source out of fold) picks the candidate tiles; " +
                $"{(pre.MaxTilesPerPhoto > 0 ? $"at most **{pre.MaxTilesPerPhoto}** per photo (the best rated) go to the network. " : "**every** candidate goes to the network (no per-photo budget; `--network-tiles N` sets one). ")}" +
                $"Figures on labelled tiles below are the cascade's (first pass, then network); the budget's photo-level cost is measured separately below."));
        sb.AppendLine();
        sb.AppendLine("## Training data");
        sb.AppendLine();
        sb.AppendLine("| set | licence | citation |");
        sb.AppendLine("|---|---|---|");
        foreach (var s in sets)
        {
            var c = DatasetCitations.Known.GetValueOrDefault(s);
            sb.AppendLine($"| {s} | {c?.Licence ?? "user-supplied"} | {c?.Text ?? "labels CSV"} |");
        }
        if (sets.Any(s => DatasetCitations.Known.GetValueOrDefault(s)?.Licence.StartsWith("GPL", StringComparison.Ordinal) == true))
            sb.AppendLine().AppendLine("**Note:** this model was trained on GPL-3.0 data (masonry-cracks, uav75) and CC BY-SA data (quaywall-drone). " +
                "For a model trained only on permissive sets, train with `--images/--labels` on those sets alone.");
        sb.AppendLine();
        sb.AppendLine("## Split (by source photo: no photo has tiles in two parts)");
        sb.AppendLine();
        sb.AppendLine("| source | part | photos | damaged tiles | undamaged tiles |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var c in card.Split) sb.AppendLine($"| {c.Source} | {c.Part} | {c.Photos} | {c.Damaged} | {c.Undamaged} |");
        sb.AppendLine();
        sb.AppendLine(string.Create(C, $"## Held-out tiles, per source (main threshold {card.Threshold:F4}; baseline threshold {card.BaselineThreshold:F4})"));
        sb.AppendLine();
        sb.Append(PerSourceTable(r));
        sb.AppendLine();
        sb.AppendLine("## Out-of-fold tiles, per source (train + validation photos, grouped 5-fold: where the threshold was chosen)");
        sb.AppendLine();
        sb.AppendLine("| source | n | precision | recall | F1 | ROC AUC |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (s, m) in card.Validation) sb.AppendLine(string.Create(C, $"| {s} | {m.N} | {m.Precision:F3} | {m.Recall:F3} | {m.F1:F3} | {m.Auc:F3} |"));
        sb.AppendLine();
        sb.AppendLine("Heads tried (mean out-of-fold precision at the threshold): " +
            string.Join(", ", r.Main.HeadsTried.Select(h => string.Create(C, $"{h.Head} {h.MeanValidationPrecision:F3}"))) + ".");
        if (sample is not null)
        {
            sb.AppendLine();
            sb.AppendLine("## Shipped held-out sample (`sample-data/images/heldout/`, scored from the files by the C# pipeline)");
            sb.AppendLine();
            sb.AppendLine("| source | model | n | precision | recall | F1 | ROC AUC |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var (name, list) in new[] { ("main", sample.Main), ("baseline", sample.Baseline) })
                foreach (var s in list)
                    sb.AppendLine(string.Create(C, $"| {s.Source} | {name} | {s.Metrics.N} | {s.Metrics.Precision:F3} | {s.Metrics.Recall:F3} | {s.Metrics.F1:F3} | {s.Metrics.Auc:F3} |"));
        }
        if (card.PrefilterHeldout.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("First pass alone on held-out tiles (share of damaged tiles it lets through = its recall; ROC AUC = how well it ranks, which is what the budget relies on): " +
                string.Join(", ", card.PrefilterHeldout.Select(p => string.Create(C, $"{p.Key} {p.Value.Recall:P1} (AUC {p.Value.Auc:F3})"))));
        }
        if (photos.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"## Photo level: what a network budget costs ({PhotoBudgetReport.Cols * PhotoBudgetReport.CellPx}×{PhotoBudgetReport.Rows * PhotoBudgetReport.CellPx} mosaics of held-out tiles, 256-px cells)");
            sb.AppendLine();
            sb.AppendLine("A damaged mosaic (1–3 damaged cells among undamaged cells of the same source) is found when one of its damaged cells scores at or above the threshold. " +
                "The first pass rates every cell; with a budget of B tiles per photo only its B best-rated candidates reach the network. " +
                "\"every candidate\" sends all cells the first pass lets through (its threshold), whatever their number.");
            sb.AppendLine();
            var bud = photos[0].Budget;
            var budgets = photos[0].FoundByBudget.Keys.Order().ToList();
            sb.AppendLine($"| source | damaged photos | {string.Join(" | ", budgets.Select(b => $"found, budget {b}"))} | found, every candidate | candidates/photo | clean photos | false alarms, budget {bud} |");
            sb.AppendLine($"|---|---:|{string.Concat(budgets.Select(_ => "---:|"))}---:|---:|---:|---:|");
            foreach (var p in photos)
                sb.AppendLine(string.Create(C, $"| {p.Source} | {p.DamagedPhotos} | {string.Join(" | ", budgets.Select(b => $"{p.FoundByBudget[b]} ({p.Recall(b):P0})"))} | {p.FoundWithoutBudget} ({p.RecallWithoutBudget:P0}) | {p.CandidatesPerPhoto:F1} | {p.CleanPhotos} | {p.FalseAlarmsWithBudget} |"));
            sb.AppendLine();
            sb.AppendLine(string.Create(C, $"Budget {bud} scored end to end through `DamageScorer.Score` found {string.Join(", ", photos.Select(p => $"{p.Source} {p.FoundWithBudget}/{p.DamagedPhotos}"))} (the ranking above gives {string.Join(", ", photos.Select(p => $"{p.FoundByBudget[bud]}"))})."));
        }
        sb.AppendLine();
        sb.AppendLine("![precision-recall per source](pr-curve.png)");
        sb.AppendLine();
        sb.AppendLine("Reproduce: `dxgeo train damage --shared-datasets ../shared/datasets --out models/damage --export-heldout sample-data/images/heldout` (see docs/damage-model.md).");
        return sb.ToString();
    }
}

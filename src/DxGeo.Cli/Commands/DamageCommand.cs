using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage;
using DxGeo.Imagery.Damage.Evaluation;
using DxGeo.Imagery.Damage.Training;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo damage eval</c>: score a labelled folder with a damage model and its threshold.</summary>
internal static class DamageCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("damage", "Damage model: check it on labelled photos");
        cmd.Subcommands.Add(Eval(ctx));
        return cmd;
    }

    private static Command Eval(CliContext ctx)
    {
        var images = new Option<string?>("--images") { Description = "Folder of labelled photos or tiles (labels.csv inside unless --labels)" };
        var labels = new Option<string?>("--labels") { Description = "Labels CSV: header path,damaged[,type][,mask]; paths relative to the CSV" };
        var model = new Option<string>("--model") { Description = "Model folder", DefaultValueFactory = _ => DamageModel.DefaultDir };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object" };
        var cmd = new Command("eval", "Score labelled photos with the model at its threshold; print precision, recall, F1, ROC AUC and count on one line")
            { images, labels, model, json };
        cmd.SetAction(p =>
        {
            var csv = p.GetValue(labels) ?? (p.GetValue(images) is { } d ? Path.Combine(d, "labels.csv")
                : throw new DxGeoException("give --images DIR (with labels.csv) or --labels FILE"));
            var samples = LabelsCsv.ToSamples(LabelsCsv.Read(csv));
            using var scorer = DamageModel.LoadScorer(p.GetValue(model)!);
            var scores = LabelledSetScorer.Score(scorer, samples, ctx.Progress("damage eval"));
            var m = BinaryMetrics.Compute(scores, samples.Select(s => s.Damaged).ToArray(), scorer.Threshold);
            if (p.GetValue(json))
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    precision = m.Precision, recall = m.Recall, f1 = m.F1, auc = double.IsNaN(m.Auc) ? (double?)null : m.Auc,
                    n = m.N, positives = m.Positives, accuracy = m.Accuracy, threshold = scorer.Threshold, modelId = scorer.ModelId,
                }));
            else
                ctx.Out.WriteLine(string.Create(C, $"precision={m.Precision:F4} recall={m.Recall:F4} f1={m.F1:F4} auc={(double.IsNaN(m.Auc) ? "nan" : m.Auc.ToString("F4", C))} n={m.N}"));
            return 0;
        });
        return cmd;
    }
}

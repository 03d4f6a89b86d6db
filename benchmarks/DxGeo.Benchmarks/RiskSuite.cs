using System.Diagnostics;
using System.Globalization;
using System.Text;
using DxGeo.Risk.DataModels;
using DxGeo.Risk.Evaluation;
using DxGeo.Risk.Features;
using DxGeo.Risk.Models;
using DxGeo.Risk.Scoring;
using DxGeo.Risk.Storage;
using DxGeo.SampleTown;

namespace DxGeo.Benchmarks;

/// <summary>
/// Break-risk model: feature derivation, training and scoring time and peak memory on the sample town and on a large
/// synthetic network (default 1,000,000 segments), and the same training task for the XGBoost command-line tool (peer).
/// Usage: risk [--segments N] [--train-years K]
/// </summary>
public sealed class RiskSuite : ISuite
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    public string Name => "risk";
    public string Description => "pipe break risk: features, LightGBM training and scoring (sample town and 1M synthetic segments) vs the xgboost CLI";

    public int Run(string[] args)
    {
        var segments = Arg(args, "--segments", 1_000_000);
        var trainYears = Arg(args, "--train-years", 3);
        Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
        var town = SampleTownGenerator.Generate();
        var inputs = new RiskInputs
        {
            Source = "sample town", Pipes = town.Pipes, Breaks = town.Breaks, Soil = town.SoilZones, FloodZones = town.FloodZones,
            Roads = town.Roads, Facilities = town.Facilities, RoadWorks = town.RoadWorks, Elevation = town.ElevationPoints,
        };
        var rows = new List<string>();
        var peer = new List<string>();
        rows.Add(Measure("sample town", inputs, trainYears: 100, peer));
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var large = RiskSyntheticNetwork.Tile(inputs, segments);
        inputs = null!;
        rows.Add(Measure(large.Source, large, trainYears, peer: null));

        Console.WriteLine($"## risk ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, LightGBM 2 threads, 100 trees)");
        Console.WriteLine();
        Console.WriteLine("| data | pipes | features (s) | panel rows | train (s) | score (s) | pipes scored/s | peak working set (GB) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows) Console.WriteLine(r);
        Console.WriteLine();
        Console.WriteLine("Same training task (sample town, train 2013–2024, test 2025, 100 trees, 2 threads):");
        Console.WriteLine();
        Console.WriteLine("| tool | train (s) | test AUC |");
        Console.WriteLine("|---|---|---|");
        foreach (var p in peer) Console.WriteLine(p);
        return 0;
    }

    private static string Measure(string name, RiskInputs inputs, int trainYears, List<string>? peer)
    {
        var sw = Stopwatch.StartNew();
        var set = PipeProfileBuilder.Build(inputs, new ProfileOptions { AsOf = new DateOnly(2026, 1, 1), DropUnsnappedBreaks = true });
        var featureS = sw.Elapsed.TotalSeconds;
        var w = set.Window;
        var from = Math.Max(w.FirstPanelYear(2), w.LastCompleteYear - trainYears + 1);
        sw.Restart();
        var panel = PipeYearPanelBuilder.Build(set.Profiles, w, from, w.LastCompleteYear);
        var model = BreakRiskModel.Train(panel, new BreakRiskTrainingOptions());
        var trainS = sw.Elapsed.TotalSeconds;
        var panelRows = panel.Count;
        if (peer is not null) RunPeer(panel, w.LastCompleteYear, peer);
        panel = null!;
        GC.Collect();
        sw.Restart();
        var scores = RiskScorer.Score(set, model);
        var scoreS = sw.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e9;
        return string.Create(C, $"| {name} | {inputs.Pipes.Count:N0} | {featureS:F1} | {panelRows:N0} | {trainS:F1} | {scoreS:F1} | {scores.Count / scoreS:N0} | {peak:F1} |");
    }

    /// <summary>Our LightGBM and the xgboost CLI on the same rows and numeric features, trained before the last year and tested on it.</summary>
    private static void RunPeer(List<PipeYearRow> panel, int testYear, List<string> peer)
    {
        var train = panel.Where(r => r.Year < testYear).ToList();
        var test = panel.Where(r => r.Year == testYear).ToList();
        var sw = Stopwatch.StartNew();
        var ours = BreakRiskModel.Train(train, new BreakRiskTrainingOptions());
        var oursS = sw.Elapsed.TotalSeconds;
        var oursAuc = RocAuc.Compute(ours.PredictProbability(test).Select(p => (double)p).ToArray(), test.Select(r => r.Label).ToArray());
        peer.Add(string.Create(C, $"| DxGeo (GLM prior + LightGBM, ML.NET) | {oursS:F1} | {oursAuc:F3} |"));

        var dir = Directory.CreateTempSubdirectory("dxgeo-xgb-").FullName;
        try
        {
            // The prior columns were filled by our model; xgboost gets the same rows including them, so it is the tree learner that differs.
            ours.Prior.Apply(train);
            ours.Prior.Apply(test);
            WriteLibSvm(train, Path.Combine(dir, "train.txt"));
            WriteLibSvm(test, Path.Combine(dir, "test.txt"));
            File.WriteAllText(Path.Combine(dir, "train.conf"),
                "booster = gbtree\nobjective = binary:logistic\neta = 0.04\nmax_depth = 3\nmin_child_weight = 2\nnthread = 2\nnum_round = 100\n" +
                "save_period = 0\ndata = \"train.txt?format=libsvm\"\nmodel_out = \"m.model\"\n");
            sw.Restart();
            Xgb(dir, "train.conf");
            var xgbS = sw.Elapsed.TotalSeconds;
            Xgb(dir, "train.conf", "task=pred", "model_in=m.model", "test:data=test.txt?format=libsvm", "name_pred=pred.txt");
            var pred = File.ReadAllLines(Path.Combine(dir, "pred.txt")).Select(l => double.Parse(l, C)).ToArray();
            var xgbAuc = RocAuc.Compute(pred, test.Select(r => r.Label).ToArray());
            peer.Add(string.Create(C, $"| xgboost CLI (same features, depth 3) | {xgbS:F1} | {xgbAuc:F3} |"));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            peer.Add($"| xgboost CLI | failed: {e.Message} (install with `apt-get install xgboost`) | |");
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void Xgb(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("xgboost") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("xgboost did not start");
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"xgboost exited {p.ExitCode}: {err.Result.Trim()}");
    }

    private static void WriteLibSvm(List<PipeYearRow> rows, string path)
    {
        var numeric = FeatureCatalog.Numeric.Select(n => typeof(PipeYearRow).GetProperty(n)!).ToArray();
        var materials = DxGeo.Core.Assets.AssetCodes.MaterialCodes.ToArray();
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            sb.Append(r.Label ? '1' : '0');
            for (var i = 0; i < numeric.Length; i++)
            {
                var v = (float)numeric[i].GetValue(r)!;
                if (float.IsFinite(v)) sb.Append(' ').Append(i + 1).Append(':').Append(v.ToString("R", C));
            }
            sb.Append(' ').Append(numeric.Length + 1 + Array.IndexOf(materials, r.Material)).Append(":1");
            sb.Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

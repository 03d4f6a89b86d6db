using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxGeo.Cli;

namespace DxGeo.Cli.Tests.Damage;

public sealed partial class DamageCommandTests() : CliTest("damage")
{
    private static string Root => ReadmeTests.RepoRoot();
    private static string Heldout(string source) => Path.Combine(Root, "sample-data", "images", "heldout", source);
    private static string Model => Path.Combine(Root, "models", "damage");

    [GeneratedRegex(@"^precision=(\S+) recall=(\S+) f1=(\S+) auc=(\S+) n=(\d+)$")]
    private static partial Regex EvalLine();

    [Fact]
    public void Eval_prints_one_line_of_figures_consistent_with_its_json()
    {
        var (code, stdout, stderr) = Run("damage", "eval", "--images", Heldout("uav75"), "--model", Model);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var m = EvalLine().Match(Assert.Single(lines).Trim());
        Assert.True(m.Success, stdout);
        var p = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var r = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var f1 = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        Assert.Equal(2 * p * r / (p + r), f1, 3);
        var rows = File.ReadAllLines(Path.Combine(Heldout("uav75"), "labels.csv")).Length - 1;
        Assert.Equal(rows, int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture));

        var (code2, json, _) = Run("damage", "eval", "--images", Heldout("uav75"), "--model", Model, "--json");
        Assert.Equal(0, code2);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(p, doc.RootElement.GetProperty("precision").GetDouble(), 4);
        Assert.Equal(r, doc.RootElement.GetProperty("recall").GetDouble(), 4);
        Assert.Equal(rows, doc.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Eval_refuses_a_corrupted_label_file_naming_file_and_line()
    {
        var src = Heldout("masonry-cracks");
        var lines = File.ReadAllLines(Path.Combine(src, "labels.csv"));
        var csv = Path.Combine(Dir, "labels.csv");
        var first = lines[1].Split(',');
        first[0] = Path.Combine(src, first[0]);
        first[1] = "yes";
        File.WriteAllLines(csv, [lines[0], string.Join(',', first)]);
        var (code, stdout, stderr) = Run("damage", "eval", "--labels", csv, "--model", Model);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains(csv, stderr);
        Assert.Contains("line 2", stderr);
        Assert.Contains("damaged must be 0 or 1", stderr);
    }

    [Fact]
    public void Train_texture_model_from_a_labels_csv_writes_a_loadable_model_and_card()
    {
        // Gather the held-out sample of two sources into one labelled folder with a source column.
        var csv = Path.Combine(Dir, "labels.csv");
        var rows = new List<string> { "path,damaged,type,source,group" };
        foreach (var s in new[] { "uav75", "masonry-cracks" })
            foreach (var line in File.ReadAllLines(Path.Combine(Heldout(s), "labels.csv")).Skip(1))
            {
                var c = line.Split(',');
                rows.Add($"{Path.GetRelativePath(Dir, Path.Combine(Heldout(s), c[0]))},{c[1]},{c[2]},{s},{c[3]}");
            }
        File.WriteAllLines(csv, rows);
        var outDir = Path.Combine(Dir, "model");
        var (code, stdout, stderr) = Run("train", "damage", "--labels", csv, "--out", outDir, "--featurizer", "texture",
            "--cache", Path.Combine(Dir, "cache"));
        Assert.True(code == 0, stderr + stdout);
        foreach (var f in new[] { "model.json", "head.zip", "card.md", "card.json", "pr-curve.png", "split.csv" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        var (code2, evalOut, err2) = Run("damage", "eval", "--labels", csv, "--model", outDir);
        Assert.True(code2 == 0, err2);
        Assert.Matches(EvalLine(), evalOut.Trim());
    }

    [Fact]
    public void Train_refuses_both_sources_of_labels()
    {
        var (code, _, stderr) = Run("train", "damage", "--labels", "x.csv", "--shared-datasets", "/nowhere");
        Assert.Equal(1, code);
        Assert.Contains("either --shared-datasets or --images/--labels", stderr);
    }
}

using System.Text.Json;
using DxGeo.Cli;
using DxGeo.Cli.Commands;
using DxGeo.Imagery.Capture;
using DxGeo.Imagery.Damage;
using SkiaSharp;

namespace DxGeo.Cli.Tests.Imagery;

/// <summary>Flags the top-left quarter of every photo (deterministic stand-in for the damage model).</summary>
internal sealed class QuarterScorer : IDamageScorer
{
    public string ModelId => "quarter-test";
    public double Threshold => 0.5;

    public ImageDamageScore Score(string imagePath, double? gsdCmPerPx, CancellationToken cancellationToken = default)
    {
        using var codec = SKCodec.Create(imagePath);
        int w = codec.Info.Width, h = codec.Info.Height;
        TileScore[] tiles = [new(0, 0, w / 2, h / 2, 0.95f), new(w / 2, 0, w / 2, h / 2, 0.1f), new(0, h / 2, w / 2, h / 2, 0.2f), new(w / 2, h / 2, w / 2, h / 2, 0.1f)];
        return new ImageDamageScore(ModelId, w, h, 0.95, tiles);
    }
}

[Collection("images-cli")] // the scorer hook is process-wide
public sealed class ImagesCommandTests() : CliTest("img")
{
    private string Photos(int n)
    {
        var dir = Directory.CreateDirectory(P("card")).FullName;
        var t0 = new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);
        var triggers = Enumerable.Range(0, n).Select(i => new CaptureTrigger(i, t0.AddSeconds(2 * i), 35.70 + i * 2e-5, 139.80, 60, 30, 90)).ToArray();
        SimulatedCameraOp.Run(triggers, Path.Combine(ReadmeTests.RepoRoot(), "sample-data", "images", "scenes"), dir);
        File.WriteAllBytes(Path.Combine(dir, "broken.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 4]);
        return dir;
    }

    [Fact]
    public void Ingest_score_list_and_export_run_end_to_end()
    {
        var ws = P("w.gpkg");
        var card = Photos(3);
        var ingest = Run("images", "ingest", card, "--workspace", ws);
        Assert.Equal(0, ingest.Code);
        Assert.Contains("3 new", ingest.Out);
        Assert.Contains("1 refused", ingest.Out);
        Assert.Contains("broken.jpg", ingest.Out);
        Assert.Equal(3, Directory.GetFiles(ws + ".thumbs", "*.jpg").Length);

        var again = Run("images", "ingest", card, "-w", ws);
        Assert.Contains("0 new", again.Out);
        Assert.Contains("3 already ingested", again.Out);

        var list = Run("images", "list", "-w", ws);
        Assert.Equal(0, list.Code);
        Assert.Equal(4, list.Out.Trim().Split('\n').Length);
        Assert.Contains("relative_altitude", list.Out);

        var previous = ImagesCommand.ScorerLoader;
        ImagesCommand.ScorerLoader = (_, _) => new QuarterScorer();
        try
        {
            var score = Run("images", "score", "-w", ws, "--model", Dir);
            Assert.Equal(0, score.Code);
            Assert.Contains("Scored 3 photos", score.Out);
            Assert.Contains("3 new findings", score.Out);
            Assert.Contains("0 new findings", Run("images", "score", "-w", ws, "--model", Dir).Out);
        }
        finally { ImagesCommand.ScorerLoader = previous; }

        var findings = Run("findings", "list", "-w", ws);
        Assert.Equal(0, findings.Code);
        Assert.Contains("(no asset)\t3\t3\t3\t0.950", findings.Out);

        var geojson = P("f.geojson");
        var export = Run("findings", "export", "--format", "geojson", "--out", geojson, "-w", ws);
        Assert.Equal(0, export.Code);
        using var doc = JsonDocument.Parse(File.ReadAllText(geojson));
        var features = doc.RootElement.GetProperty("features");
        Assert.Equal(3, features.GetArrayLength());
        Assert.All(features.EnumerateArray(), f => Assert.Equal("to_review", f.GetProperty("properties").GetProperty("status").GetString()));
        var csv = Run("findings", "export", "--format", "csv", "--out", P("f.csv"), "-w", ws);
        Assert.Equal(0, csv.Code);
        Assert.Equal(4, File.ReadAllLines(P("f.csv")).Length);
    }

    [Fact]
    public void Relink_after_moving_the_folder_updates_paths()
    {
        var ws = P("w.gpkg");
        var card = Photos(2);
        Run("images", "ingest", card, "-w", ws);
        var moved = P("moved");
        Directory.Move(card, moved);
        var r = Run("images", "relink", card, moved, "-w", ws);
        Assert.Equal(0, r.Code);
        Assert.Contains("Relinked 2 photos", r.Out);
    }

    [Fact]
    public void Errors_are_one_line_with_exit_1()
    {
        var missing = Run("images", "ingest", P("nowhere"), "-w", P("w.gpkg"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("nowhere", missing.Err);
        Assert.Single(missing.Err.Trim().Split('\n'));
        var ground = Run("images", "ingest", Dir, "--ground-elevation", "99999", "-w", P("w.gpkg"));
        Assert.Equal(1, ground.Code);
        var noModel = Run("images", "score", "-w", P("w.gpkg"), "--model", P("no-model"));
        Assert.Equal(1, noModel.Code);
    }

    [Fact]
    public void Help_describes_every_subcommand()
    {
        var help = Run("images", "--help");
        foreach (var sub in new[] { "ingest", "relink", "score", "list" }) Assert.Contains(sub, help.Out);
        Assert.Contains("export", Run("findings", "--help").Out);
    }
}

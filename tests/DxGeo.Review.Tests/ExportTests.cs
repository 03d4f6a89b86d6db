using DxGeo.Cli;
using DxGeo.Review.Accounts;
using DxGeo.Review.Exports;
using DxGeo.Review.Reviews;
using SkiaSharp;

namespace DxGeo.Review.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly ReviewTown _town = new(findings: 8);
    private static readonly Actor A = new("insp-a", Role.Inspector);

    private FindingView Get(int i) => FindingView.From(_town.Workspace.Read(Imagery.Findings.FindingsLayer.Name).Single(r => (string)r.Values[0]! == _town.FindingIds[i]));

    private void ReviewSome()
    {
        DecideOp.Run(_town.Store, A, new ReviewDecision(_town.FindingIds[0], 1, Verdict.Confirmed, "crack", "III", new PixelBox(10, 20, 50, 40), "幅 0.3 mm のひび割れ"));
        DecideOp.Run(_town.Store, A, new ReviewDecision(_town.FindingIds[1], 1, Verdict.FalseAlarm));
        AddMissOp.Run(_town.Store, A, new MissReport(_town.ImageIds[2], new PixelBox(100, 100, 60, 30), "spalling", "II", "見逃し"));
    }

    [Fact]
    public void Training_labels_are_crops_of_settled_findings_listed_as_path_damaged_type()
    {
        ReviewSome();
        var dir = Path.Combine(_town.Folder, "labels");
        Directory.CreateDirectory(dir);
        var r = TrainingLabelsExport.Run(_town.Store, Path.Combine(dir, "labels.csv"));
        Assert.Equal((2, 1, 1), (r.Damaged, r.NotDamaged, r.Misses));
        var lines = File.ReadAllLines(r.CsvPath);
        Assert.Equal("path,damaged,type", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, x => x[0] == $"crops/{_town.FindingIds[0]}.jpg" && x[1] == "1" && x[2] == "crack");
        Assert.Contains(rows, x => x[0] == $"crops/{_town.FindingIds[1]}.jpg" && x[1] == "0" && x[2] == "");
        var miss = rows.Single(x => x[2] == "spalling");
        // Each crop is the box cut from the photo: same size, same pixels.
        using var crop = SKBitmap.Decode(Path.Combine(dir, miss[0]));
        Assert.Equal((60, 30), (crop.Width, crop.Height));
        using var first = SKBitmap.Decode(Path.Combine(dir, $"crops/{_town.FindingIds[0]}.jpg"));
        Assert.Equal((50, 40), (first.Width, first.Height));
        using var photo = SKBitmap.Decode(_town.ImagePaths[0]);
        var p = photo.GetPixel(10 + 25, 20 + 20);
        var q = first.GetPixel(25, 20);
        Assert.InRange(Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue), 0, 30); // JPEG re-encoding

        var onlyMisses = TrainingLabelsExport.Run(_town.Store, Path.Combine(dir, "misses.csv"), onlyMisses: true);
        Assert.Equal(2, File.ReadAllLines(onlyMisses.CsvPath).Length);
    }

    [Fact]
    public void Review_export_labels_command_writes_the_csv()
    {
        ReviewSome();
        _town.Close();
        var csv = Path.Combine(_town.Folder, "out.csv");
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(["review", "export-labels", "--out", csv, "-w", _town.Path], o, e);
        Assert.True(code == 0, e.ToString());
        Assert.Contains("2 damaged, 1 not damaged (1 inspector-added misses)", o.ToString());
        Assert.Equal(4, File.ReadAllLines(csv).Length);
        _town.Reopen();
    }

    [Fact]
    public void Findings_geojson_reads_in_ogrinfo_with_every_finding_and_csv_has_a_row_each()
    {
        ReviewSome();
        var path = Path.Combine(_town.Folder, "findings.geojson");
        using (var fs = File.Create(path)) FindingsExport.WriteGeoJson(_town.Store, fs);
        var info = Tools.Run("ogrinfo", "-so", "-al", path);
        Assert.Contains("Feature Count: 9", info);
        Assert.Contains("status: String", info);
        var sw = new StringWriter();
        FindingsExport.WriteCsv(_town.Store, sw);
        var lines = sw.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(_town.FindingIds[0] + ",") && l.Contains(",confirmed,crack,III,") && l.Contains("insp-a"));
    }

    [Fact]
    public void Csv_cells_that_would_run_as_spreadsheet_formulas_are_neutralised()
    {
        Assert.Equal("'=HYPERLINK(1)", FindingsExport.Csv("=HYPERLINK(1)"));
        Assert.Equal("-0.5", FindingsExport.Csv("-0.5"));
        Assert.Equal("\"a,b\"", FindingsExport.Csv("a,b"));
    }

    [Fact]
    public void Inspection_report_prints_to_pdf_with_chromium()
    {
        ReviewSome();
        var html = Path.Combine(_town.Folder, "report.html");
        using (var w = new StreamWriter(html)) InspectionReport.Write(_town.Store, "bridges", "B-001", w);
        var text = File.ReadAllText(html);
        Assert.Contains("湊大橋", text);
        Assert.Contains("<td class=\"grade\" id=\"worst-grade\">III</td>", text); // confirmed III beats the miss's II
        Assert.Contains("insp-a", text);
        Assert.Contains("data:image/jpeg;base64,", text);
        var pdf = Path.Combine(_town.Folder, "report.pdf");
        var profile = Directory.CreateTempSubdirectory("dxgeo-chromium-").FullName;
        try
        {
            Tools.Run("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
                "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri);
        }
        finally { Directory.Delete(profile, recursive: true); }
        var bytes = File.ReadAllBytes(pdf);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.True(bytes.Length > 20_000, $"the PDF has {bytes.Length} bytes: the photos are missing");
    }

    public void Dispose() => _town.Dispose();
}

using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Training;
using SkiaSharp;

namespace DxGeo.Imagery.Tests.Damage;

public sealed class LabelsCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dxgeo-labels-").FullName;

    public LabelsCsvTests()
    {
        foreach (var n in new[] { "a.png", "b.png" })
        {
            using var bmp = new SKBitmap(64, 64);
            bmp.Erase(SKColors.Gray);
            using var data = bmp.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(_dir, n), data.ToArray());
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Csv(params string[] lines)
    {
        var p = Path.Combine(_dir, "labels.csv");
        File.WriteAllLines(p, lines);
        return p;
    }

    [Fact]
    public void Valid_file_gives_one_row_per_line_with_paths_relative_to_the_csv()
    {
        var rows = LabelsCsv.Read(Csv("path,damaged,type", "a.png,1,spalling", "b.png,0,"));
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Damaged);
        Assert.Equal("spalling", rows[0].Type);
        Assert.Equal(Path.Combine(_dir, "b.png"), rows[1].ImagePath);
        Assert.False(rows[1].Damaged);
    }

    [Theory]
    [InlineData("file,damaged", "a.png,1", 1, "path,damaged")]
    [InlineData("path,damaged", "a.png,2", 2, "damaged must be 0 or 1")]
    [InlineData("path,damaged", "missing.png,1", 2, "'missing.png' not found")]
    [InlineData("path,damaged,type", "a.png,1,scratch", 2, "unknown type 'scratch'")]
    [InlineData("path,damaged", "a.png,1,extra", 2, "expected 2 columns")]
    public void Corrupted_label_file_is_refused_naming_file_and_line(string header, string row, int line, string reason)
    {
        var csv = Csv(header, "b.png,0" + (header.Split(',').Length == 3 ? ",crack" : ""), row);
        var bad = line == 1 ? 1 : 3;
        var e = Assert.Throws<InputDataException>(() => LabelsCsv.Read(csv));
        Assert.Contains(reason, e.Message);
        Assert.Equal(csv, e.File);
        Assert.StartsWith(csv, e.Message);
        Assert.Contains($"line {bad}:", e.Message);
    }
}

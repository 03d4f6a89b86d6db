using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Tiling;
using DxGeo.Imagery.Damage.Training.Sources;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// Reads a labels CSV: header <c>path,damaged</c> then optional <c>type</c>, <c>mask</c>, <c>source</c>, <c>group</c>
/// columns (any order after the first two). Paths are relative to the CSV (or to <c>imagesDir</c> when given).
/// <c>damaged</c> is 0/1. A row with a mask (crack pixels red ≥ 230) is cut into tiles labelled from the mask;
/// a row without is one tile (the whole image). The whole file is validated before anything is returned:
/// errors name the file, the line and the column.
/// </summary>
public static class LabelsCsv
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
        { "crack", "spalling", "exposed_rebar", "corrosion", "erosion", "other" };

    public sealed record Row(int Line, string ImagePath, bool Damaged, string? Type, string? MaskPath, string Source, string Group);

    public static IReadOnlyList<Row> Read(string csvPath, string? imagesDir = null, string defaultSource = "user")
    {
        if (!File.Exists(csvPath)) throw new InputDataException("labels file not found", csvPath);
        var baseDir = imagesDir ?? Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var lines = File.ReadAllLines(csvPath);
        if (lines.Length == 0) throw Fail(csvPath, 1, "empty labels file (expected header 'path,damaged')");
        var header = Split(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header.Length < 2 || header[0] != "path" || header[1] != "damaged")
            throw Fail(csvPath, 1, $"header must start with 'path,damaged' (got '{lines[0]}')");
        var known = new[] { "path", "damaged", "type", "mask", "source", "group" };
        foreach (var h in header)
            if (!known.Contains(h)) throw Fail(csvPath, 1, $"unknown column '{h}' (known: {string.Join(", ", known)})", h);
        int Col(string name) => Array.IndexOf(header, name);
        int type = Col("type"), mask = Col("mask"), source = Col("source"), group = Col("group");

        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var line = i + 1;
            var c = Split(lines[i]);
            if (c.Length != header.Length)
                throw Fail(csvPath, line, $"expected {header.Length} columns, found {c.Length}");
            var rel = c[0].Trim();
            var path = Path.Combine(baseDir, rel);
            if (rel.Length == 0 || !File.Exists(path)) throw Fail(csvPath, line, $"image '{rel}' not found", "path");
            var d = c[1].Trim();
            if (d is not ("0" or "1")) throw Fail(csvPath, line, $"damaged must be 0 or 1 (got '{d}')", "damaged");
            string? t = type >= 0 && c[type].Trim().Length > 0 ? c[type].Trim() : null;
            if (t is not null && !Types.Contains(t))
                throw Fail(csvPath, line, $"unknown type '{t}' (known: {string.Join(", ", Types.Order())})", "type");
            string? m = mask >= 0 && c[mask].Trim().Length > 0 ? Path.Combine(baseDir, c[mask].Trim()) : null;
            if (m is not null && !File.Exists(m)) throw Fail(csvPath, line, $"mask '{c[mask].Trim()}' not found", "mask");
            var s = source >= 0 && c[source].Trim().Length > 0 ? c[source].Trim() : defaultSource;
            var g = group >= 0 && c[group].Trim().Length > 0 ? c[group].Trim() : rel;
            rows.Add(new Row(line, path, d == "1", t, m, s, g));
        }
        if (rows.Count == 0) throw new InputDataException("no labelled rows", csvPath);
        return rows;
    }

    /// <summary>Tiles for the rows: masked rows cut into 256- and 512-px tiles, others whole.</summary>
    public static IReadOnlyList<TileSample> ToSamples(IEnumerable<Row> rows)
    {
        var samples = new List<TileSample>();
        foreach (var r in rows)
        {
            var (w, h) = DecodedPhoto.ReadSize(r.ImagePath);
            if (r.MaskPath is not null)
            {
                // The default tile (256 px) and twice it, as for photos without GSD; small images give one tile.
                int a = Math.Min(256, Math.Min(w, h)), b = Math.Min(512, Math.Min(w, h));
                samples.AddRange(MaskTiler.Tiles(r.Source, r.Group, r.ImagePath, r.MaskPath, a == b ? [new(a, a)] : [new(a, a), new(b, b)]));
            }
            else samples.Add(new TileSample(r.Source, r.Group, r.ImagePath, new TileRect(0, 0, w, h), r.Damaged, r.Type));
        }
        return samples;
    }

    private static string[] Split(string line) => line.Split(',');

    private static InputDataException Fail(string csv, int line, string reason, string? column = null) =>
        new($"line {line}: {reason}", csv, field: column);
}

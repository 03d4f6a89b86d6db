using System.Globalization;
using DxGeo.Core.Errors;

namespace DxGeo.Risk.Renewal;

/// <summary>
/// Renewal cost per metre by diameter band, as data (a two-column CSV: max_diameter_mm, yen_per_m). The default
/// ships with the library (Renewal/Data/renewal-cost-per-m.csv, indicative); a utility passes its own.
/// </summary>
public sealed class CostTable
{
    private readonly (int MaxDiameterMm, double YenPerM)[] _bands;

    private CostTable((int, double)[] bands, string source)
    {
        _bands = bands;
        Source = source;
    }

    public string Source { get; }
    public IReadOnlyList<(int MaxDiameterMm, double YenPerM)> Bands => _bands;

    /// <summary>Cost per metre for a diameter: the first band whose maximum is ≥ it (the largest band beyond the table).</summary>
    public double YenPerM(int diameterMm)
    {
        foreach (var (max, yen) in _bands)
            if (diameterMm <= max) return yen;
        return _bands[^1].YenPerM;
    }

    public static CostTable Default()
    {
        using var s = typeof(CostTable).Assembly.GetManifestResourceStream("DxGeo.Risk.renewal-cost-per-m.csv")
            ?? throw new InvalidOperationException("the default cost table resource is missing from the assembly");
        using var r = new StreamReader(s);
        return Parse(r.ReadToEnd(), "default cost table (indicative)");
    }

    public static CostTable Load(string path)
    {
        if (!File.Exists(path)) throw new DxGeoException($"{path}: cost table not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static CostTable Parse(string text, string source)
    {
        var bands = new List<(int, double)>();
        var lineNo = 0;
        var headerSeen = false;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split(',');
            if (!headerSeen && !int.TryParse(cells[0].Trim(), out _)) { headerSeen = true; continue; }
            headerSeen = true;
            if (cells.Length < 2 || !int.TryParse(cells[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) || d <= 0)
                throw new InputDataException($"line {lineNo}: expected 'max_diameter_mm,yen_per_m' with a positive whole diameter, got '{line}'", source, field: "max_diameter_mm");
            if (!double.TryParse(cells[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var yen) || !double.IsFinite(yen) || yen <= 0)
                throw new InputDataException($"line {lineNo}: cost '{cells[1].Trim()}' is not a positive number", source, field: "yen_per_m");
            bands.Add((d, yen));
        }
        if (bands.Count == 0) throw new InputDataException("no cost bands", source);
        bands.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < bands.Count; i++)
            if (bands[i].Item1 == bands[i - 1].Item1)
                throw new InputDataException($"diameter band {bands[i].Item1} mm appears twice", source, field: "max_diameter_mm");
        return new CostTable(bands.ToArray(), source);
    }
}

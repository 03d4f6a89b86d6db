using System.Globalization;
using System.Text;
using DxGeo.Core.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DxGeo.Core.Formats.Csv;

/// <summary>
/// Writes a layer as RFC 4180 CSV: a "WKT" first column (what GDAL's CSV driver recognises), or for points x/y
/// columns named lon/lat (EPSG:4326) or x/y (projected). A .csvt sidecar gives GDAL/QGIS the column types.
/// </summary>
public sealed class CsvLayerWriter : IDisposable
{
    private readonly TextWriter _text;
    private readonly LayerSchema _schema;
    private readonly CsvGeometryMode _mode;
    private readonly WKTWriter _wkt = new() { OutputOrdinates = Ordinates.XY };

    public CsvLayerWriter(string path, LayerSchema schema, CsvGeometryMode mode, Encoding encoding, bool projected)
    {
        _schema = schema;
        _mode = schema.GeometryType == LayerGeometryType.None ? CsvGeometryMode.Wkt : mode;
        var hasGeometry = schema.GeometryType != LayerGeometryType.None;
        _text = new StreamWriter(path, false, encoding, 1 << 16) { NewLine = "\r\n" };
        var names = new List<string>();
        var types = new List<string>();
        if (hasGeometry && _mode == CsvGeometryMode.Wkt) { names.Add("WKT"); types.Add("WKT"); }
        if (hasGeometry && _mode == CsvGeometryMode.XY)
        {
            names.AddRange(projected ? ["x", "y"] : ["lon", "lat"]);
            types.AddRange(["CoordX", "CoordY"]);
        }
        foreach (var f in schema.Fields)
        {
            names.Add(f.Name);
            types.Add(CsvtType(f.Type));
        }
        _text.WriteLine(string.Join(",", names.Select(Quote)));
        File.WriteAllText(System.IO.Path.ChangeExtension(path, ".csvt"), string.Join(",", types.Select(t => $"\"{t}\"")) + "\r\n", Encoding.ASCII);
    }

    public long Count { get; private set; }

    public void Write(FeatureRecord r)
    {
        var cells = new List<string>(_schema.Fields.Count + 2);
        if (_schema.GeometryType != LayerGeometryType.None)
        {
            if (_mode == CsvGeometryMode.Wkt) cells.Add(r.Geometry is null ? "" : _wkt.Write(r.Geometry));
            else if (r.Geometry is Point { IsEmpty: false } p) { cells.Add(Num(p.X)); cells.Add(Num(p.Y)); }
            else if (r.Geometry is null) { cells.Add(""); cells.Add(""); }
            else throw new InvalidOperationException($"x/y CSV columns hold points only, got {r.Geometry.GeometryType}");
        }
        for (var i = 0; i < _schema.Fields.Count; i++) cells.Add(Cell(i < r.Values.Length ? r.Values[i] : null));
        _text.WriteLine(string.Join(",", cells.Select(Quote)));
        Count++;
    }

    public void Complete() => _text.Flush();

    private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Cell(object? v) => v switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => double.IsFinite(d) ? Num(d) : "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>RFC 4180: quote a field holding a comma, quote, line break or edge spaces; double inner quotes.</summary>
    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (s.Length > 0 && (s[0] == ' ' || s[^1] == ' '))
            ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static string CsvtType(FieldType t) => t switch
    {
        FieldType.Integer => "Integer64",
        FieldType.Real => "Real",
        FieldType.Date => "Date",
        FieldType.DateTime => "DateTime",
        _ => "String", // booleans as true/false text
    };

    public void Dispose() => _text.Dispose();
}

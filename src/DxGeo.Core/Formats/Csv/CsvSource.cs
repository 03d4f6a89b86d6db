using System.Globalization;
using System.Text;
using DxGeo.Core.Errors;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DxGeo.Core.Formats.Csv;

/// <summary>
/// Reads a CSV with a header row, geometry from x/y (lon/lat) columns or a WKT column, streamed row by row.
/// Values arrive as text (empty cells as null); the importer recognises numbers and dates per target field.
/// </summary>
public sealed class CsvSource : IFeatureSource
{
    private static readonly string[] XNames = ["lon", "lng", "long", "longitude", "経度", "x", "easting", "x座標", "coordx"];
    private static readonly string[] YNames = ["lat", "latitude", "緯度", "y", "northing", "y座標", "coordy"];
    private static readonly string[] LonLatNames = ["lon", "lng", "long", "longitude", "経度", "lat", "latitude", "緯度"];
    private static readonly string[] WktNames = ["wkt", "wkt_geom", "geometry", "geom", "the_geom"];

    private readonly Encoding _encoding;
    private readonly char _delimiter;
    private readonly string[] _header;
    private readonly int _x = -1, _y = -1, _wkt = -1;
    private readonly List<string> _warnings = [];

    public CsvSource(string path, CsvOptions? options = null)
    {
        var o = options ?? new CsvOptions();
        Path = path;
        _encoding = o.Encoding ?? DetectEncoding(path, _warnings);
        using (var reader = OpenText())
        {
            var firstLine = reader.ReadLine() ?? throw new InputDataException("the CSV file is empty (no header row)", path);
            _delimiter = o.Delimiter ?? GuessDelimiter(path, firstLine);
        }
        using (var reader = OpenText())
            _header = Unique(new CsvRecordReader(reader, _delimiter).Read()!.Select(h => h.Trim()).ToList());

        if (o.WktColumn is null && o.XColumn is null && o.YColumn is null)
            _wkt = Column(null, WktNames, "--wkt-column");
        else if (o.WktColumn is not null)
            _wkt = Column(o.WktColumn, WktNames, "--wkt-column");
        if (_wkt < 0)
        {
            _x = Column(o.XColumn, XNames, "--x-column");
            _y = Column(o.YColumn, YNames, "--y-column");
            if ((_x < 0) != (_y < 0))
                throw new InputDataException($"found an {(_x < 0 ? "y" : "x")} column but no {(_x < 0 ? "x" : "y")} column; name them with --x-column and --y-column", path);
        }
        var lonLatNamed = _x >= 0 && LonLatNames.Contains(_header[_x].ToLowerInvariant());
        DeclaredEpsg = o.Srid ?? (lonLatNamed ? 4326 : null);
        if (_x < 0 && _wkt < 0)
            _warnings.Add("no geometry column found (lon/lat, x/y or WKT): features have no geometry");
        FieldNames = _header.Where((_, i) => i != _x && i != _y && i != _wkt).ToArray();
    }

    public string Path { get; }
    public string FormatName => "CSV";
    public int? DeclaredEpsg { get; }
    public string? UnidentifiedCrs => null;
    public IReadOnlyList<string> FieldNames { get; }
    public bool ValuesAreText => true;
    public IReadOnlyList<string> Warnings => _warnings;
    public Encoding Encoding => _encoding;

    /// <summary>Names of the columns geometry is read from (for reports).</summary>
    public IReadOnlyList<string> GeometryColumns =>
        _wkt >= 0 ? [_header[_wkt]] : _x >= 0 ? [_header[_x], _header[_y]] : [];

    public IEnumerable<SourceFeature> Read()
    {
        using var text = OpenText();
        var csv = new CsvRecordReader(text, _delimiter);
        ReadRow(csv, -1); // header
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(DeclaredEpsg ?? 0);
        var wkt = new WKTReader(NtsGeometryServices.Instance);
        for (long index = 0; ; index++)
        {
            var row = ReadRow(csv, index);
            if (row is null) yield break;
            if (row.Count > _header.Length)
                throw new InputDataException($"line {csv.Line} has {row.Count} fields but the header has {_header.Length} (wrong delimiter or an unquoted '{_delimiter}'?)", Path, index);
            var props = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < _header.Length; i++)
            {
                if (i == _x || i == _y || i == _wkt) continue;
                props[_header[i]] = i < row.Count && row[i].Length > 0 ? row[i] : null;
            }
            yield return new SourceFeature(index, Geometry(row, index, csv.Line, factory, wkt), props);
        }
    }

    private List<string>? ReadRow(CsvRecordReader csv, long index)
    {
        try { return csv.Read(); }
        catch (FormatException e) { throw new InputDataException(e.Message, Path, index < 0 ? null : index); }
        catch (DecoderFallbackException e)
        { throw new InputDataException($"line {csv.Line}: bytes that are not {TextEncodings.DisplayName(_encoding)} text (give --encoding)", Path, index < 0 ? null : index, inner: e); }
    }

    private Geometry? Geometry(List<string> row, long index, long line, GeometryFactory f, WKTReader wkt)
    {
        string Cell(int i) => i < row.Count ? row[i].Trim() : "";
        if (_wkt >= 0)
        {
            var text = Cell(_wkt);
            if (text.Length == 0) return null;
            try
            {
                var g = wkt.Read(text);
                g.SRID = DeclaredEpsg ?? 0;
                return g;
            }
            catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
            { throw new InputDataException($"line {line}: not valid WKT: {e.Message}", Path, index, field: _header[_wkt]); }
        }
        if (_x < 0) return null;
        var xs = Cell(_x);
        var ys = Cell(_y);
        if (xs.Length == 0 && ys.Length == 0) return null;
        return f.CreatePoint(new Coordinate(Number(xs, _x, index, line), Number(ys, _y, index, line)));
    }

    private double Number(string s, int column, long index, long line)
    {
        var t = s.Normalize(NormalizationForm.FormKC); // full-width digits (１３９.７) are common in Japanese sheets
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new InputDataException($"line {line}: '{s}' is not a number", Path, index, field: _header[column]);
    }

    private int Column(string? explicitName, string[] candidates, string option)
    {
        if (explicitName is not null)
        {
            var i = Array.FindIndex(_header, h => string.Equals(h, explicitName, StringComparison.OrdinalIgnoreCase));
            return i >= 0 ? i : throw new InputDataException(
                $"{option} '{explicitName}' is not a column (columns: {string.Join(", ", _header)})", Path);
        }
        foreach (var c in candidates)
        {
            var i = Array.FindIndex(_header, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase));
            if (i >= 0) return i;
        }
        return -1;
    }

    private StreamReader OpenText()
    {
        try
        {
            var enc = _encoding.CodePage == 65001 ? new UTF8Encoding(false, throwOnInvalidBytes: true)
                : Encoding.GetEncoding(_encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return new StreamReader(Path, enc, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new InputDataException($"cannot read the file: {e.Message}", Path, inner: e); }
    }

    private static Encoding DetectEncoding(string path, List<string> warnings)
    {
        var sample = new byte[64 * 1024];
        int n;
        using (var s = File.OpenRead(path)) n = s.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var bytes = sample.AsSpan(0, n);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || TextEncodings.LooksLikeUtf8(bytes)) return TextEncodings.Utf8;
        warnings.Add("the file is not UTF-8: read as cp932 (Shift_JIS); give --encoding to override");
        return TextEncodings.Cp932;
    }

    private static char GuessDelimiter(string path, string header)
    {
        if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) return '\t';
        char[] candidates = [',', '\t', ';'];
        return candidates.OrderByDescending(c => header.Count(ch => ch == c)).First() is var best && header.Contains(best) ? best : ',';
    }

    private static string[] Unique(List<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0) names[i] = $"field_{i + 1}";
            var n = names[i];
            for (var k = 2; !seen.Add(n); k++) n = $"{names[i]}_{k}";
            names[i] = n;
        }
        return names.ToArray();
    }

    public void Dispose() { }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Core.Formats.GeoJson;
using DxGeo.Core.Spatial;
using NetTopologySuite.Geometries;

namespace DxGeo.Cli.Commands;

/// <summary>Parsing and printing shared by <c>dxgeo query</c> and <c>dxgeo mesh</c>.</summary>
internal static class SpatialCli
{
    public static Option<string> Format() => new Option<string>("--format", "-f")
    {
        Description = "Output: table (default) or geojson (an RFC 7946 FeatureCollection)",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "geojson");

    public static Option<string?> Out(string description = "Write the GeoJSON to this file instead of stdout") =>
        new("--out", "-o") { Description = description };

    /// <summary>"lon,lat" in degrees (EPSG:4326, lon first).</summary>
    public static (double Lon, double Lat) ParsePoint(string text, string option = "--point")
    {
        var v = Numbers(text, 2, option, "lon,lat");
        if (v[0] is < -180 or > 180 || v[1] is < -90 or > 90)
            throw new DxGeoException($"{option} '{text}' is not lon,lat in degrees (EPSG:4326, lon first)");
        return (v[0], v[1]);
    }

    /// <summary>"minLon,minLat,maxLon,maxLat".</summary>
    public static Envelope ParseBbox(string text, string option = "--bbox")
    {
        var v = Numbers(text, 4, option, "minLon,minLat,maxLon,maxLat");
        if (v[0] > v[2] || v[1] > v[3]) throw new DxGeoException($"{option} '{text}': min must not exceed max (minLon,minLat,maxLon,maxLat)");
        var box = new Envelope(v[0], v[2], v[1], v[3]);
        BoundingBoxQuery.Validate(box);
        return box;
    }

    /// <summary>"layer" or "layer:id" (e.g. levees:L-3).</summary>
    public static (string Layer, string? Id) ParseLayerRef(string text)
    {
        var i = text.IndexOf(':');
        if (i < 0) return (text.Trim(), null);
        var (layer, id) = (text[..i].Trim(), text[(i + 1)..].Trim());
        if (layer.Length == 0 || id.Length == 0) throw new DxGeoException($"'{text}' is not LAYER or LAYER:ID");
        return (layer, id);
    }

    private static double[] Numbers(string text, int count, string option, string shape)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        var v = new double[parts.Length];
        if (parts.Length != count || parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i])).Any(ok => !ok)
            || v.Any(x => !double.IsFinite(x)))
            throw new DxGeoException($"{option} '{text}' is not {shape}");
        return v;
    }

    public static string N(double v, string format = "F1") => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An aligned text table; columns whose header ends in '>' are right-aligned (the marker is not printed).</summary>
    public static void Table(TextWriter o, string[] head, IReadOnlyList<string[]> rows)
    {
        var right = head.Select(h => h.EndsWith('>')).ToArray();
        var names = head.Select(h => h.TrimEnd('>')).ToArray();
        var widths = names.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => right[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        o.WriteLine(Line(names));
        foreach (var r in rows) o.WriteLine(Line(r));
    }

    /// <summary>Writes the table as GeoJSON to <paramref name="path"/> (complete or not at all) or to stdout.</summary>
    public static void GeoJson(CliContext ctx, FeatureTable table, string? path)
    {
        if (path is null)
        {
            var ms = new MemoryStream(); // ToArray still works after the writer closes it
            using (var w = new GeoJsonLayerWriter(ms, table.Schema))
            {
                foreach (var r in table.Records) w.Write(r);
                w.Complete();
            }
            ctx.Out.Write(Encoding.UTF8.GetString(ms.ToArray()));
            return;
        }
        var full = Path.GetFullPath(path);
        var tmp = full + ".part";
        try
        {
            using (var w = new GeoJsonLayerWriter(File.Create(tmp), table.Schema))
            {
                foreach (var r in table.Records) w.Write(r);
                w.Complete();
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DxGeoException($"{full}: cannot write ({e.Message})", e);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
        ctx.Err.WriteLine($"wrote {table.Records.Count:N0} features to {full}");
    }
}

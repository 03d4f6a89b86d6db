using System.Globalization;
using System.Text;
using DxGeo.Core.Tests.Formats;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.IO;

namespace DxGeo.Core.Tests.Import;

/// <summary>A temp folder with a fresh GeoPackage workspace, and helpers to write small source files.</summary>
public sealed class ImportFixture : IDisposable
{
    public TempDir Dir { get; } = new();
    public GeoPackageWorkspace Workspace { get; }

    public ImportFixture() => Workspace = GeoPackageWorkspace.Create(Dir.File("ws.gpkg"));

    public string File(string name) => Dir.File(name);

    /// <summary>A FeatureCollection from (properties JSON, geometry JSON) pairs, optionally with a legacy crs member.</summary>
    public string GeoJson(string name, IEnumerable<(string Props, string Geometry)> features, int? crs = null)
    {
        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",");
        if (crs is { } c) sb.Append(CultureInfo.InvariantCulture, $"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"urn:ogc:def:crs:EPSG::{c}\"}}}},");
        sb.Append("\"features\":[\n");
        sb.AppendJoin(",\n", features.Select(f => $"{{\"type\":\"Feature\",\"properties\":{f.Props},\"geometry\":{f.Geometry}}}"));
        sb.Append("\n]}");
        var path = File(name);
        System.IO.File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    public static string Line(params double[] xy) =>
        "{\"type\":\"LineString\",\"coordinates\":[" + string.Join(",", Enumerable.Range(0, xy.Length / 2)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"[{xy[2 * i]},{xy[2 * i + 1]}]"))) + "]}";

    /// <summary>Everything a layer holds, as text: a change anywhere shows up as a different string.</summary>
    public static string Fingerprint(IWorkspace ws)
    {
        var wkt = new WKTWriter();
        var sb = new StringBuilder();
        foreach (var layer in ws.ListLayers().OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{layer.Name} {layer.FeatureCount} {string.Join(",", layer.Schema.Fields.Select(f => f.Name))}]\n");
            foreach (var r in ws.Read(layer.Name))
                sb.Append(CultureInfo.InvariantCulture, $"{r.Fid}|{(r.Geometry is null ? "" : wkt.Write(r.Geometry))}|{string.Join("|", r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))}\n");
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        Workspace.Dispose();
        Dir.Dispose();
    }
}

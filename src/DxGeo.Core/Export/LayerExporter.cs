using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Formats;
using DxGeo.Core.Formats.Csv;
using DxGeo.Core.Formats.GeoJson;
using DxGeo.Core.Formats.Shapefile;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;

namespace DxGeo.Core.Export;

/// <summary>
/// Writes a workspace layer to GeoJSON (RFC 7946), Shapefile, CSV or a GeoPackage, optionally reprojected. Files are
/// written under a temporary name and moved into place at the end, so a failed export leaves no half-written file
/// (and an existing file at the path stays as it was).
/// </summary>
public static class LayerExporter
{
    public static ExportReport Export(IWorkspace ws, string layer, string path, ExportOptions? options = null)
    {
        var o = options ?? new ExportOptions();
        var info = ws.FindLayer(layer) ?? throw new DxGeoException(
            $"{ws.Location}: no layer '{layer}' (layers: {string.Join(", ", ws.ListLayers().Select(l => l.Name))})");
        var kind = FormatDetector.FromExtension(path)
            ?? throw new DxGeoException($"{path}: unknown output extension (use .geojson, .shp, .csv or .gpkg)");
        var schema = info.Schema;
        var epsg = o.Srid ?? schema.Srid;
        if (!CrsRegistry.Default.IsKnown(epsg)) CrsRegistry.Default.GetWkt(epsg); // throws UnknownCrsException listing what is known
        if (kind == FormatKind.GeoJson && epsg != Epsg.Wgs84)
            throw new DxGeoException($"{path}: GeoJSON (RFC 7946) is always EPSG:4326 lon/lat; write .gpkg, .shp or .csv for EPSG:{epsg}");
        var transform = epsg == schema.Srid || schema.GeometryType == LayerGeometryType.None ? null : CrsRegistry.Default.CreateTransform(schema.Srid, epsg);
        var outSchema = schema with { Srid = epsg };
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(dir)) throw new DxGeoException($"{path}: folder {dir} does not exist");

        long done = 0;
        IEnumerable<FeatureRecord> Features()
        {
            foreach (var r in ws.Read(schema.Name, o.Query))
            {
                if (transform is not null && r.Geometry is not null) r.Geometry = transform.Transform(r.Geometry);
                if (++done % 10_000 == 0) o.Progress?.Report((done, info.FeatureCount, "features"));
                yield return r;
            }
        }

        var encoding = o.Encoding ?? TextEncodings.Utf8;
        var renamed = new Dictionary<string, string>();
        var warnings = new List<string>();
        long count;
        switch (kind)
        {
            case FormatKind.GeoJson:
                count = ViaTemp(path, tmp =>
                {
                    using var w = new GeoJsonLayerWriter(File.Create(tmp), outSchema, o.CoordinateDecimals);
                    foreach (var r in Features()) w.Write(r);
                    w.Complete();
                    return w.Count;
                });
                break;
            case FormatKind.Csv:
                var mode = o.CsvGeometry ?? (schema.GeometryType == LayerGeometryType.Point ? CsvGeometryMode.XY : CsvGeometryMode.Wkt);
                count = ViaTemp(path, tmp =>
                {
                    using var w = new CsvLayerWriter(tmp, outSchema, mode, encoding, projected: !CrsRegistry.Default.IsGeographic(epsg));
                    foreach (var r in Features()) w.Write(r);
                    w.Complete();
                    return w.Count;
                }, ".csvt");
                break;
            case FormatKind.Shapefile:
                ShapefileWriteResult result = null!;
                count = ViaTemp(path, tmp =>
                {
                    result = ShapefileLayerWriter.Write(tmp, outSchema, Features, epsg, encoding);
                    return result.Count;
                }, ".shx", ".dbf", ".prj", ".cpg");
                foreach (var kv in result.RenamedFields) renamed[kv.Key] = kv.Value;
                warnings.AddRange(result.Warnings);
                break;
            default:
                count = ToGeoPackage(path, outSchema, Features());
                break;
        }
        o.Progress?.Report((count, count, "features"));
        return new ExportReport(path, kind.ToString(), schema.Name, count, epsg, renamed, warnings);
    }

    /// <summary>Writes <c>name.tmp-XXXX.ext</c> (and sidecars with the same stem), then moves them over the target names.</summary>
    private static long ViaTemp(string path, Func<string, long> write, params string[] sidecars)
    {
        var ext = Path.GetExtension(path);
        var tmp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!,
            $"{Path.GetFileNameWithoutExtension(path)}.tmp-{Guid.NewGuid().ToString("N")[..8]}{ext}");
        var all = new[] { ext }.Concat(sidecars).ToArray();
        try
        {
            var n = write(tmp);
            foreach (var e in all)
            {
                var from = Path.ChangeExtension(tmp, e);
                if (File.Exists(from)) File.Move(from, Path.ChangeExtension(path, e), overwrite: true);
            }
            return n;
        }
        finally
        {
            foreach (var e in all)
            {
                var leftover = Path.ChangeExtension(tmp, e);
                if (File.Exists(leftover)) File.Delete(leftover);
            }
        }
    }

    /// <summary>Adds (or replaces) the layer in a GeoPackage, in one transaction; a file created here is removed on failure.</summary>
    private static long ToGeoPackage(string path, LayerSchema schema, IEnumerable<FeatureRecord> features)
    {
        var created = !File.Exists(path);
        try
        {
            using var gpkg = GeoPackageWorkspace.OpenOrCreate(path);
            using var w = gpkg.BeginWrite();
            w.CreateLayer(schema, replace: true);
            long n = 0;
            foreach (var r in features)
            {
                r.Fid = null;
                w.Insert(schema.Name, r);
                n++;
            }
            w.Commit();
            return n;
        }
        catch when (created)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
            throw;
        }
    }
}

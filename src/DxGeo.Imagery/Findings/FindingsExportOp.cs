using DxGeo.Core.Errors;
using DxGeo.Core.Export;
using DxGeo.Core.Workspace;

namespace DxGeo.Imagery.Findings;

/// <summary>
/// Writes the findings layer (all, or one asset's) as GeoJSON (RFC 7946, EPSG:4326) or CSV (geometry as WKT) through the
/// core's layer exporter: written to a temporary file and moved into place, so a failure leaves no half file.
/// </summary>
public static class FindingsExportOp
{
    public static ExportReport Export(IWorkspace ws, string path, string format, string? assetId = null)
    {
        if (ws.FindLayer(FindingsLayer.Name) is null) throw new DxGeoException("the workspace has no findings yet (score the images first: dxgeo images score)");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var ok = format.ToLowerInvariant() switch
        {
            "geojson" => ext is ".geojson" or ".json",
            "csv" => ext == ".csv",
            _ => throw new DxGeoException($"unknown findings format '{format}' (geojson, csv)"),
        };
        if (!ok) throw new DxGeoException($"{path}: the file extension does not match --format {format} (use .{(format == "csv" ? "csv" : "geojson")})");
        var query = assetId is null ? null : new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["asset_id"] = assetId } };
        return LayerExporter.Export(ws, FindingsLayer.Name, path, new ExportOptions { Query = query, CoordinateDecimals = 8 });
    }
}

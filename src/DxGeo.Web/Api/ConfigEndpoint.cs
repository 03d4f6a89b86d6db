using System.Runtime.CompilerServices;
using System.Text.Json;
using DxGeo.Core.Crs;
using DxGeo.Core.Features;
using DxGeo.Web.Internal;
using DxGeo.Web.Tiles.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Api;

/// <summary>
/// <c>/api/config</c>: what the web app needs to start in one request: the layers (with their data dictionary),
/// the area's extent, the base map, and the JGD2011 plane rectangular zone of the area (EPSG code and WKT, which
/// proj4 in the browser reads) for showing plane coordinates.
/// </summary>
internal static class ConfigEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/config", Config).WithTags("Web map").WithName("config").WithSummary("Layers, extent, base map and metric CRS for the web map");

    // The map's first request: answered from memory while the workspace file is unchanged (counts and extents need a
    // pass over every layer's table, which under load took hundreds of ms on the first view's critical path).
    private static readonly ConditionalWeakTable<ServedWorkspace, Tuple<long, byte[]>> Cache = new();

    private static IResult Config(ServedWorkspace ws)
    {
        var version = TileCache.WorkspaceVersion(ws.Workspace.Location);
        if (!Cache.TryGetValue(ws, out var hit) || hit.Item1 != version)
        {
            hit = Tuple.Create(version, JsonSerializer.SerializeToUtf8Bytes(Describe(ws), Json.Options));
            Cache.AddOrUpdate(ws, hit);
        }
        return Results.Bytes(hit.Item2, "application/json; charset=utf-8");
    }

    private static object Describe(ServedWorkspace ws)
    {
        var layers = ws.Workspace.ListLayers();
        var all = new Envelope();
        var described = layers.Select(l =>
        {
            var e = LonLat.ExtentToLonLat(l.Extent, l.Schema.Srid);
            if (e is { IsNull: false }) all.ExpandToInclude(e);
            return new
            {
                id = l.Name,
                title = l.Schema.Title ?? l.Name,
                geometryType = l.Schema.GeometryType.ToString(),
                featureCount = l.FeatureCount,
                idField = l.Schema.IdField,
                timeField = l.Schema.TimeField,
                extent = e is { IsNull: false } ? new[] { e.MinX, e.MinY, e.MaxX, e.MaxY } : null,
                tiles = l.Schema.GeometryType == LayerGeometryType.None ? null : $"/tiles/{Uri.EscapeDataString(l.Name)}/{{z}}/{{x}}/{{y}}.pbf",
                fields = l.Schema.Fields.Select(f => new { name = f.Name, type = f.Type.ToString(), description = f.Description }).ToArray(),
            };
        }).ToArray();

        object? metric = null;
        if (!all.IsNull)
        {
            var c = all.Centre;
            var epsg = CrsRegistry.Default.PickMetricCrs(c.X, c.Y);
            metric = new { epsg, name = CrsRegistry.Default.Name(epsg), wkt = CrsRegistry.Default.GetWkt(epsg) };
        }
        var o = ws.Options;
        return new
        {
            title = Path.GetFileNameWithoutExtension(ws.Workspace.Location),
            extent = all.IsNull ? null : new[] { all.MinX, all.MinY, all.MaxX, all.MaxY },
            baseMap = string.IsNullOrWhiteSpace(o.BaseMapUrl) ? null : new { url = o.BaseMapUrl, attribution = o.BaseMapAttribution },
            metricCrs = metric,
            layers = described,
        };
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using DxGeo.Core.Features;
using DxGeo.Core.Mesh;
using DxGeo.Web.Internal;
using DxGeo.Web.Tiles.Internal;

namespace DxGeo.Web.Api;

/// <summary>
/// <c>/api/mesh/{layer}?level=250m|1km</c>: the layer summarised per JIS X 0410 mesh cell (feature count, length of
/// lines and area of polygons inside each cell, measured in metres) as GeoJSON, computed once per workspace version.
/// </summary>
internal static class MeshEndpoint
{
    private static readonly ConcurrentDictionary<(string, MeshLevel, long), Lazy<byte[]>> Cache = new();

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/mesh/{layer}", Mesh).WithTags("Web map").WithName("mesh")
           .WithSummary("Per-mesh summary of a layer (level 250m or 1km)").ProducesProblem(400).ProducesProblem(404);

    private static IResult Mesh(string layer, string? level, ServedWorkspace ws)
    {
        var info = ws.RequireLayer(layer);
        if (info.Schema.GeometryType == LayerGeometryType.None)
            throw ProblemException.BadRequest($"layer '{layer}' has no geometry to summarise per mesh");
        var lv = (level ?? "250m") switch
        {
            "250m" or "quarter" => MeshLevel.Quarter,
            "500m" or "half" => MeshLevel.Half,
            "1km" or "third" => MeshLevel.Third,
            var other => throw ProblemException.BadRequest($"level '{other}' must be 250m, 500m or 1km"),
        };
        var key = (info.Name, lv, TileCache.WorkspaceVersion(ws.Workspace.Location));
        if (Cache.Count > 64) Cache.Clear();
        var bytes = Cache.GetOrAdd(key, _ => new Lazy<byte[]>(() => Build(ws, info.Name, lv))).Value;
        return Results.Bytes(bytes, "application/geo+json; charset=utf-8");
    }

    private static byte[] Build(ServedWorkspace ws, string layer, MeshLevel level)
    {
        var table = MeshAggregateOp.Run(ws.Workspace, layer, level);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Json.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("name", table.Schema.Name);
            w.WriteStartArray("features");
            foreach (var r in table.Records) FeatureJson.WriteFeature(w, table.Schema, r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return ms.ToArray();
    }
}

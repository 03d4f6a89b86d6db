using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Web.Internal;

namespace DxGeo.Web.Api;

/// <summary>
/// <c>/api/search?q=</c>: finds assets by business id (exact, on every layer that has one) or by name or id
/// fragment (case-insensitive, on layers small enough to scan), and returns where they are so the map can zoom there.
/// </summary>
internal static class SearchEndpoint
{
    /// <summary>Layers up to this size are scanned for partial matches; bigger ones (pipes) answer exact ids only.</summary>
    public const long ScanLimit = 20_000;
    private const int MaxResults = 50;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/search", Search).WithTags("Web map").WithName("search")
           .WithSummary("Find a pipe, bridge, levee… by id or name").ProducesProblem(400);

    private static IResult Search(string? q, int? limit, ServedWorkspace ws)
    {
        var text = (q ?? "").Trim();
        if (text.Length is 0 or > 100) throw ProblemException.BadRequest("q must be 1–100 characters (an id or part of a name)");
        var max = Math.Clamp(limit ?? 20, 1, MaxResults);
        var results = new List<object>();
        var seen = new HashSet<(string, long)>();
        foreach (var layer in ws.Workspace.ListLayers())
        {
            var s = layer.Schema;
            if (s.GeometryType == LayerGeometryType.None) continue;
            var idField = s.IdField is { } idn ? s.Find(idn) : null;
            var nameIndex = s.IndexOf("name");
            if (idField is { Type: FieldType.Text })
                foreach (var f in ws.Workspace.Read(s.Name, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [idField.Name] = text }, Limit = max }))
                    Add(s, f, exact: true);
            if (layer.FeatureCount <= ScanLimit && (idField is not null || nameIndex >= 0))
            {
                var idIndex = idField is null ? -1 : s.IndexOf(idField.Name);
                foreach (var f in ws.Workspace.Read(s.Name))
                    if (Matches(f, idIndex, text) || Matches(f, nameIndex, text)) Add(s, f, exact: false);
            }
        }
        return Results.Json(new { q = text, results = results.Take(max) }, Json.Options);

        void Add(LayerSchema s, FeatureRecord f, bool exact)
        {
            if (f.Fid is not { } fid || !seen.Add((s.Name, fid))) return;
            var g = LonLat.ToLonLat(f.Geometry, s.Srid);
            var e = g?.EnvelopeInternal;
            var idIndex = s.IdField is null ? -1 : s.IndexOf(s.IdField);
            var nameIndex = s.IndexOf("name");
            results.Add(new
            {
                layer = s.Name,
                layerTitle = s.Title ?? s.Name,
                fid,
                id = idIndex >= 0 ? f.Values[idIndex]?.ToString() : null,
                name = nameIndex >= 0 ? f.Values[nameIndex]?.ToString() : null,
                exact,
                bbox = e is { IsNull: false } ? new[] { e.MinX, e.MinY, e.MaxX, e.MaxY } : null,
            });
        }
    }

    private static bool Matches(FeatureRecord f, int index, string text) =>
        index >= 0 && index < f.Values.Length && f.Values[index] is string v && v.Contains(text, StringComparison.OrdinalIgnoreCase);
}

using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Spatial.Internal;

/// <summary>The "other layer" of a question (levees, flood zones): all its features, or the one with a given id.</summary>
internal static class TargetFeatures
{
    public sealed record Target(FeatureRecord? Feature, string Id, Geometry Geometry);

    public static IReadOnlyList<Target> Read(IWorkspace ws, string layer, string? id)
    {
        var info = LayerAccess.RequireGeometry(ws, layer);
        var idIndex = LayerAccess.IdIndex(info.Schema);
        var list = new List<Target>();
        // One feature by id: let the store filter on the id field rather than reading the whole layer.
        var query = id is not null && info.Schema.IdField is { } idField
            ? new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [idField] = id } }
            : null;
        foreach (var r in ws.Read(info.Name, query))
        {
            if (r.Geometry is not { IsEmpty: false } g) continue;
            var rid = LayerAccess.IdOf(r, idIndex);
            if (id is not null && !string.Equals(rid, id, StringComparison.Ordinal)) continue;
            list.Add(new Target(r, rid, g));
        }
        if (id is not null && list.Count == 0)
            throw new DxGeoException($"{ws.Location}: layer '{info.Name}' has no feature with {info.Schema.IdField ?? "id"} '{id}'");
        return list;
    }

    /// <summary>The targets' combined lon/lat envelope as a geometry, to pick one metric frame for all of them.</summary>
    public static Geometry Extent(IReadOnlyList<Target> targets)
    {
        var e = new Envelope();
        foreach (var t in targets) e.ExpandToInclude(t.Geometry.EnvelopeInternal);
        return targets[0].Geometry.Factory.ToGeometry(e);
    }
}

using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Workspace;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Planning;
using DxGeo.Web.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Planning;

/// <summary>
/// Turns a validated <see cref="PlanPreviewRequest"/> into a <see cref="FlightPlan"/> through the planning library
/// (<see cref="FlightPlanner"/>): the levee or bridge is read from the workspace by its business id, the workspace's
/// no-fly zones are respected. Nothing is stored.
/// </summary>
internal static class PlanPreviewOp
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static FlightPlan Plan(IWorkspace ws, PlanPreviewRequest r)
    {
        var request = new PlanRequest
        {
            Camera = CameraPresets.Get(r.Camera ?? CameraPresets.DefaultId),
            GsdCmPerPx = r.GsdCmPerPx, AltitudeM = r.AltitudeM,
            FrontOverlapPct = r.FrontOverlapPct ?? 80, SideOverlapPct = r.SideOverlapPct ?? 70,
            LaunchSites = (r.Launch ?? []).Select((p, i) => new LaunchSite($"L{i + 1}", p[0], p[1])).ToList(),
            NoFlyZones = ws.FindLayer(AssetLayers.NoFlyZones.Schema.Name) is not null ? ws.ReadAll(AssetLayers.NoFlyZones).ToList() : [],
        };
        if (r.Layer == "levees")
            return FlightPlanner.PlanLevee(Find(ws, AssetLayers.Levees, "levee_id", r.Id!), request, r.WidthM);
        if (r.Layer == "bridges")
            return FlightPlanner.PlanBridge(Find(ws, AssetLayers.Bridges, "bridge_id", r.Id!), request,
                new BridgeRequest { DeckWidthM = r.DeckWidthM, DeckHeightM = r.DeckHeightM });
        var area = Area(r);
        var km2 = MetricFrame.For(area).Project(area).Area / 1e6;
        if (km2 > PlanPreviewRequest.MaxAreaKm2)
            throw ProblemException.BadRequest($"area is {km2:0.0} km², more than the {PlanPreviewRequest.MaxAreaKm2:0} km² a preview plans (split it)");
        return FlightPlanner.PlanArea(area, request);
    }

    private static Polygon Area(PlanPreviewRequest r)
    {
        if (r.Bbox is { } b)
            return (Polygon)Wgs84.ToGeometry(new Envelope(b[0], b[2], b[1], b[3]));
        var pts = r.Area!.Select(p => new Coordinate(p[0], p[1])).ToList();
        if (!pts[0].Equals2D(pts[^1])) pts.Add(pts[0].Copy());
        var polygon = Wgs84.CreatePolygon(pts.ToArray());
        if (!polygon.IsValid) throw ProblemException.BadRequest("area is not a simple ring (its edges cross)");
        return polygon;
    }

    private static T Find<T>(IWorkspace ws, IAssetLayer<T> layer, string idField, string id)
    {
        var name = layer.Schema.Name;
        if (ws.FindLayer(name) is null) throw ProblemException.NotFound($"the workspace has no '{name}' layer");
        var q = new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [idField] = id }, Limit = 1 };
        return ws.Read(name, q).Select(layer.FromRecord).FirstOrDefault()
            ?? throw ProblemException.NotFound($"no {idField} '{id}' in '{name}'");
    }
}

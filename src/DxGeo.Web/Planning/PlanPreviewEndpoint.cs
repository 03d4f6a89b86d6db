using System.Globalization;
using System.Text;
using System.Text.Json;
using DxGeo.Flight.Camera;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Planning;
using DxGeo.Web.Internal;

namespace DxGeo.Web.Planning;

/// <summary>
/// <c>/api/plan/preview</c> (GET with query parameters, or POST with the same fields as JSON): plans a survey flight
/// for a levee, bridge or area with the planning library and answers the route, sorties, photo count and warnings
/// as JSON with a GeoJSON layer for the map, or a download (<c>format=plan|kml|geojson</c>). Read-only: the plan is
/// not saved (saving needs accounts). <c>/api/plan/cameras</c> lists the camera presets for the form.
/// </summary>
internal static class PlanPreviewEndpoint
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plan/preview", (HttpContext ctx, ServedWorkspace ws) => Answer(PlanPreviewRequest.FromQuery(ctx.Request.Query), ws))
           .WithTags("Flight planning").WithName("planPreviewGet").WithSummary("Plan a survey flight (not saved)").ProducesProblem(400).ProducesProblem(404);
        app.MapPost("/api/plan/preview", async (HttpContext ctx, ServedWorkspace ws) => Answer(await Body(ctx), ws))
           .WithTags("Flight planning").WithName("planPreviewPost").WithSummary("Plan a survey flight from a JSON request (not saved)")
           .ProducesProblem(400).ProducesProblem(404).ProducesProblem(415);
        app.MapGet("/api/plan/cameras", () => Results.Json(CameraPresets.All.Select(p => new
        {
            id = p.Camera.Id, name = p.Camera.Name, gsdAt50mCmPerPx = Math.Round(CameraCalc.GsdCmPerPx(p.Camera, 50), 3), isDefault = p.Camera.Id == CameraPresets.DefaultId,
        }), Json.Options)).WithTags("Flight planning").WithName("planCameras").WithSummary("Camera presets");
    }

    private static async Task<PlanPreviewRequest> Body(HttpContext ctx)
    {
        if (ctx.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            throw new ProblemException(415, "Unsupported media type", "send the plan request as application/json");
        if (ctx.Request.ContentLength > 256 * 1024) throw ProblemException.BadRequest("request body over 256 kB");
        try
        {
            return await JsonSerializer.DeserializeAsync<PlanPreviewRequest>(ctx.Request.Body, BodyOptions, ctx.RequestAborted)
                   ?? throw ProblemException.BadRequest("empty request body: send a JSON object");
        }
        catch (JsonException e)
        {
            throw ProblemException.BadRequest($"request body is not a plan request: {e.Message}");
        }
    }

    private static IResult Answer(PlanPreviewRequest r, ServedWorkspace ws)
    {
        r.Validate();
        var plan = PlanPreviewOp.Plan(ws.Workspace, r);
        var file = string.Concat(plan.Name.Split(Path.GetInvalidFileNameChars()));
        switch (r.Format ?? "json")
        {
            case "kml":
                return Results.File(Encoding.UTF8.GetBytes(PlanKml.Document(plan).ToString()), "application/vnd.google-earth.kml+xml", file + ".kml");
            case "geojson":
                return Results.File(Encoding.UTF8.GetBytes(PlanGeoJson.Format(plan)), "application/geo+json", file + ".geojson");
            case "plan":
                var n = r.Sortie ?? 1;
                var sortie = plan.Sorties.FirstOrDefault(s => s.Index == n)
                    ?? throw ProblemException.BadRequest($"sortie {n}: the plan has {plan.Sorties.Count} sortie(s)");
                var name = plan.Sorties.Count == 1 ? file + ".plan" : $"{file}-s{n}.plan";
                return Results.File(Encoding.UTF8.GetBytes(QgcPlan.Format(PlanExport.ToFile(plan, sortie))), "application/json", name);
        }
        using var features = JsonDocument.Parse(PlanGeoJson.Format(plan));
        return Results.Json(new
        {
            name = plan.Name, kind = plan.PatternKind, asset = plan.Asset is { } a ? new { layer = a.Layer, id = a.Id } : null,
            camera = new { id = plan.Camera.Id, name = plan.Camera.Name }, metricEpsg = plan.MetricEpsg,
            totals = new
            {
                sorties = plan.Sorties.Count, photos = plan.TotalPhotos, distanceM = Math.Round(plan.TotalDistanceM, 1),
                timeS = Math.Round(plan.TotalTimeS, 1), missionItems = plan.Sorties.Sum(s => s.Mission.Count),
            },
            passes = plan.Passes.Select(p => new
            {
                name = p.Name, gsdCmPerPx = Math.Round(p.GsdCmPerPx, 3), altitudeM = Math.Round(p.AltitudeM, 1),
                photos = p.PhotoCount, lengthM = Math.Round(p.LengthM, 1), lineSpacingM = Math.Round(p.LineSpacingM, 2),
            }),
            sorties = plan.Sorties.Select(s => new
            {
                index = s.Index, launch = s.LaunchId, distanceM = Math.Round(s.DistanceM, 1), timeS = Math.Round(s.TimeS, 1),
                photos = s.PhotoCount, maxDistanceFromLaunchM = Math.Round(s.MaxDistanceFromLaunchM, 1), maxAltitudeM = Math.Round(s.MaxAltitudeM, 1),
            }),
            uncovered = plan.Uncovered.Select(u => new { areaM2 = Math.Round(u.AreaM2, 1), reason = u.Reason }),
            warnings = plan.Warnings,
            summary = PlanSummary.Format(plan),
            features = features.RootElement.Clone(),
        }, Json.Options);
    }
}

using System.Globalization;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Capture;
using DxGeo.Imagery.Findings;
using DxGeo.Imagery.Images;
using DxGeo.Mavlink.FlightLog;
using DxGeo.Mavlink.Messages;

namespace DxGeo.Cli.Demo;

/// <summary>
/// Photos of the levee flight: the simulated camera "takes" a photo at each CAMERA_IMAGE_CAPTURED the simulator reported
/// (a scene of real cracked/intact concrete with the trigger's position, time and gimbal angles in its EXIF/XMP), then
/// the ordinary commands ingest them, score them with the shipped damage model and list and export the findings.
/// </summary>
internal sealed class ImageryStep : CliStep
{
    /// <summary>At most this many photos (evenly spread over the flight), so the demo's scoring stays within a minute or two on 2 cores.</summary>
    public const int MaxPhotos = 48;

    public override string Title => "Drone photos: capture at the triggers, ingest, score, findings per asset";

    public override void Run(DemoContext ctx)
    {
        if (ctx.Items.GetValueOrDefault(LeveeFlightStep.FlightKey) is not FlightRecord flight ||
            ctx.Items.GetValueOrDefault(LeveeFlightStep.CapturesKey) is not List<CameraImageCaptured> shots)
            throw new DxGeoException("the levee flight step must run before the imagery step");
        if (shots.Count == 0) throw new DxGeoException($"flight {flight.FlightId} reported no camera triggers");
        var triggers = Triggers(shots);
        var scenes = Path.GetFullPath(Path.Combine(ctx.SampleDir, "..", "images", "scenes"));
        var card = Path.Combine(ctx.OutDir, "photos", flight.FlightId);
        if (Directory.Exists(card)) Directory.Delete(card, recursive: true);
        var files = SimulatedCameraOp.Run(triggers, scenes, card, progress: ctx.Cli.Progress("camera"));
        ctx.Out.WriteLine($"Camera: {files.Count} photos of {shots.Count} triggers written to {card} (scenes from {scenes})");

        Dxgeo(ctx, "images", "ingest", card);
        var model = Path.GetFullPath(Path.Combine(ctx.SampleDir, "..", "..", "models", "damage"));
        if (!Directory.Exists(model))
        {
            // A checkout without the shipped model still runs the rest of the main job; say so plainly.
            ctx.Out.WriteLine($"No damage model at {model}: photos ingested but not scored (train one: dxgeo train damage)");
            ctx.Summary.Add($"- Drone photos: {files.Count} photos ingested for flight `{flight.FlightId}`; not scored: no damage model in models/damage");
            return;
        }
        Dxgeo(ctx, "images", "score", "--flight", flight.FlightId, "--model", model);
        Dxgeo(ctx, "findings", "list", "--flight", flight.FlightId);
        var geojson = Path.Combine(ctx.OutDir, "findings.geojson");
        var csv = Path.Combine(ctx.OutDir, "findings.csv");
        Dxgeo(ctx, "findings", "export", "--format", "geojson", "--out", geojson);
        Dxgeo(ctx, "findings", "export", "--format", "csv", "--out", csv);

        var ws = ctx.Workspace!;
        var images = ImagesListOp.List(ws, flight.FlightId);
        var perAsset = FindingsListOp.PerAsset(ws, flight.FlightId);
        var linked = images.Count(i => i.AssetId is not null);
        var inv = CultureInfo.InvariantCulture;
        ctx.Summary.Add(string.Create(inv, $"- Drone photos: {images.Count} photos taken at the levee flight's camera triggers (scenes of real cracked/intact concrete, trigger position/time/gimbal in EXIF/XMP), ingested with footprints (GSD {images.Average(i => i.GsdCmPerPx ?? 0):0.00} cm/px), {linked} linked to an asset, all to flight `{flight.FlightId}`"));
        ctx.Summary.Add($"- Damage findings: {perAsset.Sum(a => a.Count)} to review on {perAsset.Count} assets ({string.Join(", ", perAsset.Take(5).Select(a => string.Create(inv, $"{a.AssetLayer}/{a.AssetId ?? "none"}: {a.Count}, max {a.MaxScore:0.00}")))}); `findings.geojson`, `findings.csv`");
    }

    // Evenly spread over the flight; yaw = heading to the next photo (the simulator's camera report has no attitude).
    private static List<CaptureTrigger> Triggers(List<CameraImageCaptured> shots)
    {
        var ordered = shots.DistinctBy(s => s.ImageIndex).OrderBy(s => s.ImageIndex).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(ordered.Count / (double)MaxPhotos));
        var list = new List<CaptureTrigger>();
        for (var i = 0; i < ordered.Count; i += step)
        {
            var s = ordered[i];
            var (lat, lon) = (s.Lat / 1e7, s.Lon / 1e7);
            var next = i + 1 < ordered.Count ? ordered[i + 1] : i > 0 ? ordered[i - 1] : s;
            var yaw = SimulatedCameraOp.BearingDeg(lat, lon, next.Lat / 1e7, next.Lon / 1e7);
            if (i + 1 >= ordered.Count && i > 0) yaw = (yaw + 180) % 360;
            var time = s.TimeUtcUs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s.TimeUtcUs / 1000)) : DateTimeOffset.UtcNow;
            list.Add(new CaptureTrigger(s.ImageIndex, time, lat, lon, s.AltMm / 1000.0, s.RelativeAltMm / 1000.0, yaw));
        }
        return list;
    }
}

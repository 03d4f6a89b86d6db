using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Imagery.Footprints;
using DxGeo.Imagery.Images;
using DxGeo.Imagery.Metadata;
using NetTopologySuite.Geometries;

namespace DxGeo.Imagery.Ingest.Internal;

/// <summary>Turns a photo's metadata into its <c>images</c> row: height source, camera, footprint, flight and asset links.</summary>
internal sealed class PhotoPlacer(ImageIngestOptions options, FlightIndex flights, AssetLinker assets)
{
    private static readonly GeometryFactory LonLat = new(new PrecisionModel(), 4326);
    private static LayerSchema S => ImagesLayer.Schema;

    public FeatureRecord Place(string imageId, PhotoMetadata m, string? thumbPath)
    {
        var path = m.Path;
        var camera = CameraResolver.Resolve(m, options.CameraPresetId)
            ?? throw new InputDataException($"unknown camera '{m.Make} {m.Model}': no preset, no focal plane resolution, no 35 mm equivalent focal length (pass a camera preset)", file: path, field: "Model");
        var point = LonLat.CreatePoint(new Coordinate(m.LonDeg, m.LatDeg));
        var flightId = options.FlightId ?? flights.Match(m.CapturedUtc, point);
        var (height, heightSource) = Height(m, flightId);
        var (yaw, yawSource) = m.GimbalYawDeg is { } gy ? (gy, "gimbal_yaw") : m.FlightYawDeg is { } fy ? (fy, "flight_yaw") : (0.0, "none");
        var fp = FootprintOp.Compute(camera, m.LonDeg, m.LatDeg, height, yaw, m.GimbalPitchDeg, m.GimbalRollDeg ?? 0, path);
        var asset = assets.Link(fp.LonLat);

        var r = new FeatureRecord(fp.LonLat, new object?[S.Fields.Count]);
        r.Set(S, "image_id", imageId);
        r.Set(S, "path", Path.GetFullPath(path));
        r.Set(S, "file_name", Path.GetFileName(path));
        r.Set(S, "flight_id", flightId);
        r.Set(S, "captured_at", m.CapturedUtc?.ToUniversalTime());
        r.Set(S, "time_source", m.TimeSource);
        r.Set(S, "lon", m.LonDeg);
        r.Set(S, "lat", m.LatDeg);
        r.Set(S, "altitude_abs_m", m.AltitudeAbsM);
        r.Set(S, "altitude_rel_m", height);
        r.Set(S, "height_source", heightSource);
        r.Set(S, "make", m.Make);
        r.Set(S, "model", m.Model);
        r.Set(S, "focal_length_mm", camera.FocalLengthMm);
        r.Set(S, "focal_length_35mm", m.FocalLength35mmMm);
        r.Set(S, "sensor_width_mm", camera.SensorWidthMm);
        r.Set(S, "camera_source", camera.Source);
        r.Set(S, "width_px", (long)m.WidthPx);
        r.Set(S, "height_px", (long)m.HeightPx);
        r.Set(S, "gimbal_pitch_deg", m.GimbalPitchDeg);
        r.Set(S, "gimbal_yaw_deg", m.GimbalYawDeg);
        r.Set(S, "gimbal_roll_deg", m.GimbalRollDeg);
        r.Set(S, "flight_yaw_deg", m.FlightYawDeg);
        r.Set(S, "yaw_source", yawSource);
        r.Set(S, "view", fp.View);
        r.Set(S, "horizon_capped", fp.HorizonCapped);
        r.Set(S, "gsd_cm_per_px", fp.GsdCmPerPx);
        r.Set(S, "asset_layer", asset?.Layer);
        r.Set(S, "asset_id", asset?.Id);
        r.Set(S, "thumb_path", thumbPath);
        r.Set(S, "ingested_at", DateTimeOffset.UtcNow);
        return r;
    }

    // Relative altitude is height above take-off; without it, sea-level altitude minus the ground's elevation
    // (the user's --ground-elevation first, since it is explicit, else the flight log's take-off point).
    private (double HeightM, string Source) Height(PhotoMetadata m, string? flightId)
    {
        string source;
        double h;
        if (m.AltitudeRelM is { } rel) (h, source) = (rel, "relative_altitude");
        else if (m.AltitudeAbsM is not { } abs)
            throw new InputDataException("no altitude in EXIF/XMP (neither GPSAltitude nor RelativeAltitude): the photo cannot be placed", file: m.Path, field: "GPSAltitude");
        else if (options.GroundElevationM is { } g) (h, source) = (abs - g, "ground_elevation");
        else if (flights.TakeoffElevationM(flightId) is { } t) (h, source) = (abs - t, "flight_takeoff");
        else
            throw new InputDataException("only sea-level GPS altitude and no ground elevation: pass --ground-elevation, or ingest with the flight whose track gives the take-off elevation", file: m.Path, field: "RelativeAltitude");
        if (!(h > 0.5))
            throw new InputDataException($"height above ground {h:0.#} m from {source} is not above the ground: the photo cannot be placed", file: m.Path, field: source == "relative_altitude" ? "RelativeAltitude" : "GPSAltitude");
        return (h, source);
    }
}

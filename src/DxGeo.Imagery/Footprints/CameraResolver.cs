using DxGeo.Flight.Camera;
using DxGeo.Imagery.Metadata;

namespace DxGeo.Imagery.Footprints;

/// <summary>
/// Works out a photo's sensor size: (1) a planning camera preset matched by EXIF make/model (and the focal length, for
/// drones with several cameras under one model name); (2) the sensor width from EXIF FocalPlaneXResolution;
/// (3) the sensor diagonal from the 35 mm equivalent focal length (diagonal = 43.27 mm × f / f35).
/// The photo's own pixel count and aspect ratio are kept (a crop or downscale of the full sensor keeps its pixel pitch
/// per sensor width). Returns null when none applies: the photo cannot be placed without a forced camera.
/// </summary>
public static class CameraResolver
{
    private const double FullFrameDiagonalMm = 43.2666;

    // EXIF Model strings as the drones write them → planning presets (several presets: chosen by focal length).
    private static readonly Dictionary<string, string[]> ModelPresets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["M3E"] = ["dji-m3e-wide"],
        ["FC6310R"] = ["dji-p4rtk"],
        ["FC6310S"] = ["dji-p4rtk"],
        ["M30"] = ["dji-m30-wide", "dji-m30-zoom"],
        ["M30T"] = ["dji-m30-wide", "dji-m30-zoom"],
        ["ZenmuseP1"] = ["dji-m350-p1-35"],
        ["ZH20"] = ["dji-m350-h20-wide", "dji-m350-h20-zoom"],
        ["ZH20T"] = ["dji-m350-h20-wide", "dji-m350-h20-zoom"],
        ["Skydio 2"] = ["skydio-2"],
        ["Skydio2"] = ["skydio-2"],
    };

    /// <param name="forcedPresetId">A planning camera preset that overrides what the EXIF says (e.g. a camera writing no focal length).</param>
    public static PhotoCamera? Resolve(PhotoMetadata m, string? forcedPresetId = null)
    {
        if (forcedPresetId is not null)
        {
            var c = CameraPresets.Get(forcedPresetId);
            return FromSensor(m.FocalLengthMm ?? c.FocalLengthMm, c.SensorWidthMm, m, $"override:{c.Id}");
        }
        if (m.Model is not null && ModelPresets.TryGetValue(m.Model, out var ids))
        {
            var cams = ids.Select(CameraPresets.Get).ToArray();
            var f = m.FocalLengthMm;
            var pick = f is null ? cams[0]
                : cams.FirstOrDefault(c => f >= c.FocalLengthMm - 0.05 && f <= (c.FocalLengthMaxMm ?? c.FocalLengthMm) + 0.05)
                  ?? cams.MinBy(c => Math.Abs(c.FocalLengthMm - f.Value))!;
            return FromSensor(f ?? pick.FocalLengthMm, pick.SensorWidthMm, m, $"preset:{pick.Id}");
        }
        if (m.FocalLengthMm is not { } focal) return null;
        if (m.FocalPlaneSensorWidthMm is { } sw) return FromSensor(focal, sw, m, "focal_plane_resolution");
        if (m.FocalLength35mmMm is { } f35)
        {
            var diag = FullFrameDiagonalMm * focal / f35;
            var width = diag * m.WidthPx / Math.Sqrt((double)m.WidthPx * m.WidthPx + (double)m.HeightPx * m.HeightPx);
            return FromSensor(focal, width, m, "equiv_35mm");
        }
        return null;
    }

    private static PhotoCamera FromSensor(double focalMm, double sensorWidthMm, PhotoMetadata m, string source) =>
        new(focalMm, sensorWidthMm, sensorWidthMm * m.HeightPx / m.WidthPx, m.WidthPx, m.HeightPx, source);
}

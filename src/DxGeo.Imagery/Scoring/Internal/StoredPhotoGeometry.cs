using DxGeo.Core.Features;
using DxGeo.Imagery.Footprints;
using DxGeo.Imagery.Images;
using NetTopologySuite.Geometries;

namespace DxGeo.Imagery.Scoring.Internal;

/// <summary>Rebuilds a photo's camera and pose from its <c>images</c> row, to cast a tile's pixel box onto the ground.</summary>
internal sealed class StoredPhotoGeometry
{
    private readonly PhotoCamera _cam;
    private readonly double _lon, _lat, _height, _yaw, _roll;
    private readonly double? _pitch;

    private StoredPhotoGeometry(PhotoCamera cam, double lon, double lat, double height, double yaw, double? pitch, double roll) =>
        (_cam, _lon, _lat, _height, _yaw, _pitch, _roll) = (cam, lon, lat, height, yaw, pitch, roll);

    public static StoredPhotoGeometry? From(FeatureRecord r)
    {
        var s = ImagesLayer.Schema;
        if (r.Real(s, "focal_length_mm") is not { } f || r.Real(s, "sensor_width_mm") is not { } sw ||
            r.Integer(s, "width_px") is not { } w || r.Integer(s, "height_px") is not { } h ||
            r.Real(s, "altitude_rel_m") is not { } height || r.Real(s, "lon") is not { } lon || r.Real(s, "lat") is not { } lat) return null;
        var yaw = r.Text(s, "yaw_source") switch
        {
            "gimbal_yaw" => r.Real(s, "gimbal_yaw_deg") ?? 0,
            "flight_yaw" => r.Real(s, "flight_yaw_deg") ?? 0,
            _ => 0,
        };
        var cam = new PhotoCamera(f, sw, sw * h / w, (int)w, (int)h, r.Text(s, "camera_source") ?? "stored");
        return new StoredPhotoGeometry(cam, lon, lat, height, yaw, r.Real(s, "gimbal_pitch_deg"), r.Real(s, "gimbal_roll_deg") ?? 0);
    }

    /// <summary>The ground polygon of a box given in the scorer's pixel space (scaled when the scorer saw another size).</summary>
    public Polygon Box(int x, int y, int w, int h, int scoredWidthPx, int scoredHeightPx)
    {
        double sx = scoredWidthPx > 0 ? (double)_cam.WidthPx / scoredWidthPx : 1, sy = scoredHeightPx > 0 ? (double)_cam.HeightPx / scoredHeightPx : 1;
        return FootprintOp.PixelRect(_cam, _lon, _lat, _height, _yaw, _pitch, _roll,
            (int)Math.Round(x * sx), (int)Math.Round(y * sy), Math.Max(1, (int)Math.Round(w * sx)), Math.Max(1, (int)Math.Round(h * sy)));
    }
}

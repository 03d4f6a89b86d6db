namespace DxGeo.Imagery.Footprints;

/// <summary>
/// Casts rays from image pixels onto flat ground at the camera's height below it (pinhole camera, square pixels,
/// principal point at the image centre, no lens distortion). Rays closer to the horizon than
/// <see cref="MinDepressionDeg"/> are lowered to that angle, so a footprint's far edge stops at
/// height / tan(5°) ≈ 11.4 × height instead of running to the horizon.
/// </summary>
public sealed class GroundProjector
{
    public const double MinDepressionDeg = 5;
    private static readonly double TanMin = Math.Tan(MinDepressionDeg * Math.PI / 180);
    private readonly PhotoCamera _cam;
    private readonly CameraPose _pose;
    private readonly (double X, double Y, double Z) _d, _r, _u;

    public GroundProjector(PhotoCamera camera, CameraPose pose)
    {
        if (!(pose.HeightAboveGroundM > 0)) throw new ArgumentOutOfRangeException(nameof(pose), $"height above ground must be positive (got {pose.HeightAboveGroundM} m)");
        _cam = camera;
        _pose = pose;
        double Rad(double deg) => deg * Math.PI / 180;
        var (sy, cy) = Math.SinCos(Rad(pose.YawDeg));
        var (sp, cp) = Math.SinCos(Rad(pose.PitchDeg));
        var (sr, cr) = Math.SinCos(Rad(pose.RollDeg));
        (double, double, double) forward = (sy, cy, 0), right = (cy, -sy, 0);
        _d = (cp * forward.Item1, cp * forward.Item2, sp);
        (double X, double Y, double Z) up = (-sp * forward.Item1, -sp * forward.Item2, cp);
        // Roll turns the image frame about the optical axis: up leans towards right.
        _u = (cr * up.X + sr * right.Item1, cr * up.Y + sr * right.Item2, cr * up.Z);
        _r = (cr * right.Item1 - sr * up.X, cr * right.Item2 - sr * up.Y, -sr * up.Z);
    }

    /// <summary>True when the optical axis itself is closer to the horizon than <see cref="MinDepressionDeg"/>.</summary>
    public bool CentreAboveLimit => -_d.Z < Math.Sqrt(_d.X * _d.X + _d.Y * _d.Y) * TanMin;

    /// <summary>Ground point (east, north in metres) seen at pixel (x, y) of the full image, and whether the ray was capped.</summary>
    public (double EastM, double NorthM, bool Capped) Project(double xPx, double yPx)
    {
        var xs = (xPx - _cam.WidthPx / 2.0) * _cam.PixelPitchMm;
        var ys = (_cam.HeightPx / 2.0 - yPx) * _cam.PixelPitchMm;
        var f = _cam.FocalLengthMm;
        var rx = f * _d.X + xs * _r.X + ys * _u.X;
        var ry = f * _d.Y + xs * _r.Y + ys * _u.Y;
        var rz = f * _d.Z + xs * _r.Z + ys * _u.Z;
        var horiz = Math.Sqrt(rx * rx + ry * ry);
        var capped = -rz < horiz * TanMin;
        if (capped) rz = -horiz * TanMin;
        var t = _pose.HeightAboveGroundM / -rz;
        return (_pose.EastM + t * rx, _pose.NorthM + t * ry, capped);
    }

    /// <summary>Ground sampling distance at the image centre (cm/px): slant range to the centre point × pixel pitch / focal length.</summary>
    public double CentreGsdCmPerPx
    {
        get
        {
            var (e, n, _) = Project(_cam.WidthPx / 2.0, _cam.HeightPx / 2.0);
            var dx = e - _pose.EastM; var dy = n - _pose.NorthM;
            var range = Math.Sqrt(dx * dx + dy * dy + _pose.HeightAboveGroundM * _pose.HeightAboveGroundM);
            return range * _cam.PixelPitchMm / _cam.FocalLengthMm * 100;
        }
    }
}

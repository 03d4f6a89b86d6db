namespace DxGeo.Flight.Camera;

/// <summary>
/// Camera geometry for a vertical face photographed from the side with the camera level: the image width runs
/// horizontally along the pass, the image height vertically across the stacked passes.
/// </summary>
public static class FacadeCalc
{
    /// <summary>Shot at <paramref name="standoffM"/> from the face: "frontal" is the horizontal footprint (along the
    /// pass, sets the trigger distance), "side" the vertical one (sets the spacing between pass heights).</summary>
    public static CameraShot AtStandoff(CameraModel c, double standoffM, double frontOverlapPct, double sideOverlapPct)
    {
        var nadir = CameraCalc.AtDistance(c with { Landscape = true }, standoffM, frontOverlapPct, sideOverlapPct);
        var horizontal = nadir.FootprintSideM;   // image width
        var vertical = nadir.FootprintFrontalM;  // image height
        return nadir with
        {
            FootprintFrontalM = horizontal, FootprintSideM = vertical,
            TriggerDistanceM = horizontal * (1 - frontOverlapPct / 100.0),
            LineSpacingM = vertical * (1 - sideOverlapPct / 100.0),
        };
    }
}

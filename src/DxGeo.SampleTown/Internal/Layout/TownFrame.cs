namespace DxGeo.SampleTown.Internal.Layout;

/// <summary>
/// Where the town sits: a 5 × 4 km box on the Pacific coast of Miyagi in JGD2011 plane rectangular zone X
/// (EPSG:6678). Layout works in local metres (x east, y north from the box's south-west corner) and is shifted
/// by the origin below into EPSG:6678 before the lon/lat conversion.
/// </summary>
internal static class TownFrame
{
    public const int MetricEpsg = 6678;
    /// <summary>EPSG:6678 easting/northing of the local origin (≈ 140.912°E, 38.170°N).</summary>
    public const double OriginE = 6900;
    public const double OriginN = -203140;
    public const double WidthM = 5000;
    public const double HeightM = 4000;

    public const string TownNameJa = "川湊町";
    public const string TownNameRomaji = "Kawaminato";
}

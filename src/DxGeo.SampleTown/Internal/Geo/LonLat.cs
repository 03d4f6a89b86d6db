using DxGeo.Core.Crs;
using DxGeo.SampleTown.Internal.Layout;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace DxGeo.SampleTown.Internal.Geo;

/// <summary>
/// Local town metres → EPSG:6678 (shift by the frame origin) → EPSG:4326 through the CRS registry, rounded to
/// 1e-7° (≈1 cm) so the written files are byte-stable.
/// </summary>
internal static class LonLat
{
    private const double Scale = 1e7;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly ICoordinateTransform ToLonLat = CrsRegistry.Default.CreateTransform(TownFrame.MetricEpsg, 4326);

    public static T Convert<T>(T local) where T : Geometry
    {
        var shifted = (T)local.Copy();
        shifted.Apply(new ShiftFilter(TownFrame.OriginE, TownFrame.OriginN));
        shifted.SRID = TownFrame.MetricEpsg;
        var lonLat = ToLonLat.Transform(shifted);
        lonLat.Apply(new RoundFilter());
        Geometry result = Wgs84.CreateGeometry(lonLat);
        // Rounding can pinch a polygon where two edges pass within a centimetre; repair those few and round again.
        for (var attempt = 0; attempt < 3 && result is IPolygonal && !result.IsValid; attempt++)
        {
            result = GeometryFixer.Fix(result);
            if (attempt < 2) result.Apply(new RoundFilter());
        }
        if (typeof(T) == typeof(MultiPolygon) && result is Polygon single) result = Wgs84.CreateMultiPolygon([single]);
        result.SRID = 4326;
        return (T)result;
    }

    public static Point Point(Coordinate local) => Convert(Polyline.Factory.CreatePoint(local));

    public static MultiPolygon Multi(Polygon local) => Convert(Polyline.Factory.CreateMultiPolygon([local]));

    public static MultiPolygon Multi(MultiPolygon local) => Convert(local);

    private sealed class ShiftFilter(double dx, double dy) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, seq.GetX(i) + dx);
                seq.SetY(i, seq.GetY(i) + dy);
            }
        }
    }

    private sealed class RoundFilter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, Math.Round(seq.GetX(i) * Scale) / Scale);
                seq.SetY(i, Math.Round(seq.GetY(i) * Scale) / Scale);
            }
        }
    }
}

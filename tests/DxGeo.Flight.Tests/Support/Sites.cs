using DxGeo.Core.Assets;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Tests.Support;

/// <summary>Small lon/lat sites near Tokyo (JGD2011 zone IX) for end-to-end planning tests.</summary>
internal static class Sites
{
    public static readonly GeometryFactory Wgs = new(new PrecisionModel(), 4326);

    /// <summary>About 450 m × 500 m.</summary>
    public static Polygon Area() => Wgs.CreatePolygon([new(139.700, 35.600), new(139.705, 35.600), new(139.7052, 35.6045), new(139.7003, 35.6045), new(139.700, 35.600)]);

    public static NoFlyZone Zone(string id, double lon, double lat, double sizeDeg = 0.0008) => new()
    {
        ZoneId = id, Name = $"zone {id}",
        Geometry = Wgs.CreateMultiPolygon([Wgs.CreatePolygon([new(lon, lat), new(lon + sizeDeg, lat), new(lon + sizeDeg, lat + sizeDeg), new(lon, lat + sizeDeg), new(lon, lat)])]),
    };

    public static Levee Levee(double? baseWidth = 40) => new()
    {
        LeveeId = "L-3", River = "Tama", BaseWidthM = baseWidth, CrestWidthM = 6,
        Geometry = Wgs.CreateLineString([new(139.700, 35.600), new(139.706, 35.6025), new(139.712, 35.6030), new(139.718, 35.6050)]),
    };

    /// <summary>A 300 m straight bridge running east.</summary>
    public static Bridge Bridge(double? width = 10, double? height = 8) => new()
    {
        BridgeId = "B-12", Name = "test bridge", WidthM = width, DeckHeightM = height, LengthM = 300,
        Geometry = Wgs.CreateLineString([new(139.7000, 35.6000), new(139.70331, 35.6000)]),
    };
}

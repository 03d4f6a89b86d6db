using DxGeo.Core.Assets;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown;

/// <summary>
/// The synthetic municipality 川湊町 (Kawaminato), a fictional town on the Pacific coast of Miyagi: every layer in
/// EPSG:4326 lon/lat (coordinates rounded to 1e-7°), lengths in metres measured in JGD2011 zone X (EPSG:6678).
/// <see cref="GroundTruth"/> holds what the generator knows and a real utility would not (for tests and benchmarks only).
/// </summary>
public sealed class SampleTown
{
    public const string NameJa = "川湊町";
    public const string NameRomaji = "Kawaminato";
    /// <summary>The plane rectangular CRS the town was laid out in (JGD2011 zone X).</summary>
    public const int MetricEpsg = 6678;

    public required int Seed { get; init; }
    public required IReadOnlyList<WaterPipe> Pipes { get; init; }
    public required IReadOnlyList<PipeBreak> Breaks { get; init; }
    public required IReadOnlyList<Bridge> Bridges { get; init; }
    public required IReadOnlyList<Levee> Levees { get; init; }
    public required IReadOnlyList<Road> Roads { get; init; }
    public required IReadOnlyList<SoilZone> SoilZones { get; init; }
    public required IReadOnlyList<FloodZone> FloodZones { get; init; }
    public required IReadOnlyList<NoFlyZone> NoFlyZones { get; init; }
    public required IReadOnlyList<Facility> Facilities { get; init; }
    public required IReadOnlyList<RoadWork> RoadWorks { get; init; }
    /// <summary>Spot heights on a 100 m grid over the land (m above T.P.): the town's terrain source.</summary>
    public required IReadOnlyList<ElevationPoint> ElevationPoints { get; init; }
    public required IReadOnlyList<TownDistrict> Districts { get; init; }
    /// <summary>Watercourse centrelines drawn downstream; the main river's ends at <see cref="RiverMouth"/>.</summary>
    public required IReadOnlyList<TownWaterway> Waterways { get; init; }
    public required IReadOnlyList<TownWaterArea> WaterAreas { get; init; }
    /// <summary>Where the main river meets the sea (for tsunami alerts).</summary>
    public required Point RiverMouth { get; init; }
    /// <summary>First and last year of the break history (inclusive).</summary>
    public int BreakHistoryFirstYear { get; init; }
    public int BreakHistoryLastYear { get; init; }
    public required SampleTownTruth GroundTruth { get; init; }
}

/// <summary>A district (地区) with its water pressure zone (配水区).</summary>
public sealed record TownDistrict(string DistrictId, string Name, string NameRomaji, string PressureZone, MultiPolygon Geometry);

/// <summary>A watercourse centreline drawn in the downstream direction. Kind: river, tributary, canal, drain.</summary>
public sealed record TownWaterway(string WaterwayId, string Name, string NameRomaji, string Kind, LineString Geometry, double WidthM);

/// <summary>Water surface: river, tributary, canal, drain or sea.</summary>
public sealed record TownWaterArea(string AreaId, string Name, string Kind, MultiPolygon Geometry);

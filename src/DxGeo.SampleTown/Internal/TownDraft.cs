using DxGeo.SampleTown.Internal.Breaks;
using DxGeo.SampleTown.Internal.Context;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Network;
using DxGeo.SampleTown.Internal.Structures;

namespace DxGeo.SampleTown.Internal;

/// <summary>The whole town in local metres, before conversion to lon/lat.</summary>
internal sealed class TownDraft
{
    public required int Seed { get; init; }
    public required Hydrography Hydro { get; init; }
    public required List<District> Districts { get; init; }
    public required List<StreetLine> Streets { get; init; }
    public required List<RoadEdge> Edges { get; init; }
    public required List<SoilPatch> Soil { get; init; }
    public required List<FloodPatch> Flood { get; init; }
    public required List<ElevationDraft> Elevation { get; init; }
    public required List<PipeDraft> Pipes { get; init; }
    public required Dictionary<int, double> YearFactors { get; init; }
    public required List<BreakDraft> Breaks { get; init; }
    public required List<BridgeDraft> Bridges { get; init; }
    public required List<LeveeDraft> Levees { get; init; }
    public required List<FacilityDraft> Facilities { get; init; }
    public required List<NoFlyDraft> NoFly { get; init; }
    public required List<RoadWorkDraft> RoadWorks { get; init; }

    public static TownDraft Build(int seed)
    {
        var h = Hydrography.Build(seed);
        var districts = Layout.Districts.Build(h);
        var major = MajorRoads.Build(h, Numerics.Prng.For(seed, "major-roads"));
        var streets = StreetGrid.Build(h, districts, major, Numerics.Prng.For(seed, "street-grid"));
        var edges = RoadGraph.Build(streets);
        var soil = SoilMap.Build(h, Numerics.Prng.For(seed, "soil"));
        var flood = FloodMap.Build(h, Numerics.Prng.For(seed, "flood"));
        var terrain = Terrain.Build(h, Numerics.Prng.For(seed, "terrain"));
        // The water comes from the purification plant at the west end of the northern prefectural road.
        var a3 = streets.Where(s => s.Key.StartsWith("A3", StringComparison.Ordinal)).OrderBy(s => s.Line.EnvelopeInternal.MinX).First();
        var source = a3.Line.Coordinates.OrderBy(c => c.X).First();
        var pipes = PipeNetwork.Build(h, districts, edges, soil, flood, terrain, source, seed);
        var yearFactors = BreakHistory.YearFactors(seed);
        var plant = new NetTopologySuite.Geometries.Coordinate(source.X + 60, source.Y + 45);
        return new TownDraft
        {
            Seed = seed, Hydro = h, Districts = districts, Streets = streets, Edges = edges, Soil = soil, Flood = flood, Elevation = terrain.Grid(),
            Pipes = pipes, YearFactors = yearFactors, Breaks = BreakHistory.Simulate(pipes, yearFactors, seed),
            Bridges = Structures.Bridges.Build(h, streets, Numerics.Prng.For(seed, "bridges")),
            Levees = Structures.Levees.Build(h, Numerics.Prng.For(seed, "levees")),
            Facilities = Context.Facilities.Build(h, districts, edges, plant, Numerics.Prng.For(seed, "facilities")),
            NoFly = NoFlyZones.Build(h, Numerics.Prng.For(seed, "no-fly")),
            RoadWorks = Context.RoadWorks.Build(streets, Numerics.Prng.For(seed, "road-works")),
        };
    }
}

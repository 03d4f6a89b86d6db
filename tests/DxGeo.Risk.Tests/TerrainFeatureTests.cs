using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Risk.Features;
using DxGeo.Risk.Storage;
using NetTopologySuite.Geometries;

namespace DxGeo.Risk.Tests;

[Collection(SampleTownCollection.Name)]
public class TerrainFeatureTests(SampleTownFixture town)
{
    private static readonly GeometryFactory Wgs = new(new PrecisionModel(), 4326);
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    /// <summary>Lon/lat from JGD2011 zone X metres (the plane the test's geometry is laid out in).</summary>
    private static Coordinate LonLat(double e, double n)
    {
        var (lon, lat) = CrsRegistry.Default.CreateTransform(Epsg.Jgd2011Zone(10), Epsg.Wgs84).Transform(e, n);
        return new Coordinate(lon, lat);
    }

    private static RiskInputs TiltedPlane(double riseM, params (string Id, double E0, double N0, double E1, double N1)[] pipes)
    {
        // Spot heights every 25 m on a plane rising riseM per metre eastwards (z = 5 + rise × (E − 7000)).
        var points = new List<ElevationPoint>();
        for (var e = 6900.0; e <= 7500; e += 25)
            for (var n = -203200.0; n <= -202600; n += 25)
                points.Add(new ElevationPoint { PointId = $"E{points.Count}", Geometry = Wgs.CreatePoint(LonLat(e, n)), ElevationM = 5 + riseM * (e - 7000) });
        var ws = pipes.Select(p => new WaterPipe
        {
            PipeId = p.Id, Geometry = Wgs.CreateLineString([LonLat(p.E0, p.N0), LonLat(p.E1, p.N1)]), Material = PipeMaterial.DuctileIron,
            DiameterMm = 100, InstallYear = 1990, LengthM = 100,
        }).ToList();
        var brk = new PipeBreak { BreakId = "B1", Geometry = Wgs.CreatePoint(LonLat(pipes[0].E0 + 10, pipes[0].N0)), Date = new DateOnly(2020, 5, 1), PipeId = pipes[0].Id };
        return new RiskInputs { Pipes = ws, Breaks = [brk], Elevation = points };
    }

    [Fact]
    public void Slope_and_height_are_measured_in_metres_along_the_pipe()
    {
        // 2 % eastward rise: an east-running pipe climbs 2 m per 100 m, a north-running one stays level, a diagonal one
        // climbs 2 % × cos 45°. Expected values come from the plane's equation, not from the code.
        var set = PipeProfileBuilder.Build(TiltedPlane(0.02,
            ("EAST", 7100, -203000, 7200, -203000), ("NORTH", 7100, -203000, 7100, -202900), ("DIAG", 7100, -203000, 7170.71, -202929.29)),
            new ProfileOptions { AsOf = AsOf });
        var byId = set.Profiles.ToDictionary(p => p.PipeId);
        // Inverse-distance weighting is not exact on a plane between grid points: small ripples, hence the tolerances.
        Assert.InRange(byId["EAST"].SlopePct, 1.85, 2.15);
        Assert.InRange(byId["NORTH"].SlopePct, 0, 0.15);
        Assert.InRange(byId["DIAG"].SlopePct, 2.0 / Math.Sqrt(2) - 0.15, 2.0 / Math.Sqrt(2) + 0.15);
        // Mean height along the east pipe: the plane at its midpoint E = 7150.
        Assert.InRange(byId["EAST"].ElevationM, 5 + 0.02 * 150 - 0.05, 5 + 0.02 * 150 + 0.05);
        Assert.InRange(byId["NORTH"].ElevationM, 5 + 0.02 * 100 - 0.05, 5 + 0.02 * 100 + 0.05);
    }

    [Fact]
    public void Without_a_terrain_layer_the_features_are_missing_not_an_error()
    {
        var inputs = TiltedPlane(0.02, ("EAST", 7100, -203000, 7200, -203000)) with { Elevation = [] };
        var p = PipeProfileBuilder.Build(inputs, new ProfileOptions { AsOf = AsOf }).Profiles.Single();
        Assert.True(double.IsNaN(p.ElevationM) && double.IsNaN(p.SlopePct));
        var row = PipeYearPanelBuilder.Row(p, new HistoryWindow(2020, 2025), 2024);
        Assert.True(float.IsNaN(row.ElevationM) && float.IsNaN(row.SlopePct));
    }

    [Fact]
    public void Pipe_far_from_every_spot_height_gets_no_height()
    {
        var set = PipeProfileBuilder.Build(TiltedPlane(0.01, ("NEAR", 7100, -203000, 7200, -203000), ("FAR", 9100, -203000, 9200, -203000)),
            new ProfileOptions { AsOf = AsOf });
        Assert.True(double.IsFinite(set.Profiles[0].ElevationM));
        Assert.True(double.IsNaN(set.Profiles[1].ElevationM));
    }

    [Fact]
    public void Every_sample_town_pipe_gets_a_height_and_slope_in_the_plain_s_range()
    {
        Assert.NotEmpty(town.Inputs.Elevation);
        var lo = town.Inputs.Elevation.Min(e => e.ElevationM);
        var hi = town.Inputs.Elevation.Max(e => e.ElevationM);
        Assert.All(town.Profiles.Profiles, p =>
        {
            Assert.InRange(p.ElevationM, lo - 0.01, hi + 0.01); // an inverse-distance mean never leaves the data's range
            Assert.InRange(p.SlopePct, 0, 30);
        });
    }

    [Fact]
    public void Spot_height_that_is_not_metres_is_refused_naming_the_field()
    {
        var layer = AssetLayers.ElevationPoints;
        var rec = new FeatureRecord(Wgs.CreatePoint(new Coordinate(140.95, 38.2)), ["P1", -9999.0], 7);
        var e = Assert.Throws<InputDataException>(() => layer.FromRecord(rec));
        Assert.Equal("elevation_m", e.Field);
        var ok = layer.FromRecord(new FeatureRecord(Wgs.CreatePoint(new Coordinate(140.95, 38.2)), ["P2", 12.5], 8));
        Assert.Equal(12.5, ok.ElevationM);
    }
}

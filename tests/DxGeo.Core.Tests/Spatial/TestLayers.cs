using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Spatial;

/// <summary>Builders for asset records in the shipped layer schemas.</summary>
public static class TestLayers
{
    /// <summary>Origin of the test town (near Tokyo Station).</summary>
    public const double Lon0 = 139.7671;
    public const double Lat0 = 35.6812;

    public static Coordinate At(double eastM, double northM) => Ground.Offset(Lon0, Lat0, eastM, northM);

    public static FeatureRecord Pipe(string id, LineString g, PipeMaterial material = PipeMaterial.DuctileIron) =>
        AssetLayers.Pipes.ToRecord(new WaterPipe { PipeId = id, Geometry = g, Material = material, DiameterMm = 150, LengthM = Ground.LengthM(g) });

    /// <summary>A pipe between two local (east, north) positions in metres from the origin.</summary>
    public static FeatureRecord Pipe(string id, (double E, double N) a, (double E, double N) b, PipeMaterial material = PipeMaterial.DuctileIron) =>
        Pipe(id, Ground.Line(At(a.E, a.N), At(b.E, b.N)), material);

    public static FeatureRecord Bridge(string id, (double E, double N) at) =>
        AssetLayers.Bridges.ToRecord(new Bridge { BridgeId = id, Geometry = Ground.Point(At(at.E, at.N)) });

    public static FeatureRecord Levee(string id, (double E, double N) a, (double E, double N) b) =>
        AssetLayers.Levees.ToRecord(new Levee { LeveeId = id, Geometry = Ground.Line(At(a.E, a.N), At(b.E, b.N)) });

    public static FeatureRecord Break(string id, (double E, double N) at) =>
        AssetLayers.Breaks.ToRecord(new PipeBreak { BreakId = id, Geometry = Ground.Point(At(at.E, at.N)), Date = new DateOnly(2024, 5, 1) });

    /// <summary>A flood zone: the local rectangle [e0, e1] × [n0, n1] metres.</summary>
    public static FeatureRecord Flood(string id, double e0, double n0, double e1, double n1, int depthClass = 2)
    {
        var shell = Ground.F.CreatePolygon([At(e0, n0), At(e1, n0), At(e1, n1), At(e0, n1), At(e0, n0)]);
        return AssetLayers.FloodZones.ToRecord(new FloodZone { ZoneId = id, Geometry = Ground.F.CreateMultiPolygon([shell]), DepthClass = depthClass });
    }

    public static LayerSchema PipesSchema => AssetLayers.Pipes.Schema;
}

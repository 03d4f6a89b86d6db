using DxGeo.Core.Assets;
using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Workspace;
using DxGeo.Core.Workspace.GeoPackage;
using NetTopologySuite.Geometries;

namespace DxGeo.Cli.Tests.Spatial;

/// <summary>
/// A tiny workspace laid out on a grid of exact lon/lat steps near Tokyo Station so expectations can be stated
/// in degrees: 0.001° of latitude ≈ 110.95 m and 0.001° of longitude ≈ 90.52 m at 35.68° N (GRS80).
/// </summary>
public sealed class SpatialCliTown : IDisposable
{
    private static readonly GeometryFactory F = new(new PrecisionModel(), 4326);
    private readonly string _dir = Directory.CreateTempSubdirectory("dxgeo-cli-spatial-").FullName;
    public string Path { get; }

    public static LineString Line(params (double Lon, double Lat)[] c) => F.CreateLineString(c.Select(x => new Coordinate(x.Lon, x.Lat)).ToArray());
    public static Point Pt(double lon, double lat) => F.CreatePoint(new Coordinate(lon, lat));

    public SpatialCliTown()
    {
        Path = System.IO.Path.Combine(_dir, "town.gpkg");
        using var ws = GeoPackageWorkspace.Create(Path);
        using var w = ws.BeginWrite();
        w.CreateLayer(AssetLayers.Pipes.Schema);
        w.CreateLayer(AssetLayers.Bridges.Schema);
        w.CreateLayer(AssetLayers.Levees.Schema);
        w.CreateLayer(AssetLayers.FloodZones.Schema);
        w.CreateLayer(AssetLayers.Breaks.Schema);
        // Pipes along parallels: P-1 at 35.680, P-2 at 35.681, P-3 at 35.690 (outside the flood zone), each 0.01° long.
        w.InsertAll(AssetLayers.Pipes, new[]
        {
            new WaterPipe { PipeId = "P-1", Geometry = Line((139.760, 35.680), (139.770, 35.680)), Material = PipeMaterial.CastIron, DiameterMm = 150 },
            new WaterPipe { PipeId = "P-2", Geometry = Line((139.760, 35.681), (139.770, 35.681)), Material = PipeMaterial.Pvc, DiameterMm = 100 },
            new WaterPipe { PipeId = "P-3", Geometry = Line((139.760, 35.690), (139.770, 35.690)), Material = PipeMaterial.CastIron, DiameterMm = 200 },
        });
        // Flood zone covering lon 139.765–139.775, lat 35.6795–35.6815: the east half of P-1 and P-2.
        var zone = F.CreatePolygon([new(139.765, 35.6795), new(139.775, 35.6795), new(139.775, 35.6815), new(139.765, 35.6815), new(139.765, 35.6795)]);
        w.InsertAll(AssetLayers.FloodZones, [new FloodZone { ZoneId = "Z-1", Geometry = F.CreateMultiPolygon([zone]), DepthClass = 2 }]);
        // Levee L-3 along 35.685; bridges 0.002° (≈222 m) and 0.003° (≈333 m) north of it.
        w.InsertAll(AssetLayers.Levees, [new Levee { LeveeId = "L-3", Geometry = Line((139.760, 35.685), (139.770, 35.685)) }]);
        w.InsertAll(AssetLayers.Bridges, new[]
        {
            new Bridge { BridgeId = "B-near", Geometry = Pt(139.765, 35.687) },
            new Bridge { BridgeId = "B-far", Geometry = Pt(139.765, 35.688) },
        });
        // Breaks: 0.00005° (≈5.5 m) north of P-1, and one 0.005° (≈555 m) from any pipe.
        w.InsertAll(AssetLayers.Breaks, new[]
        {
            new PipeBreak { BreakId = "K-1", Geometry = Pt(139.765, 35.68005), Date = new DateOnly(2024, 4, 1) },
            new PipeBreak { BreakId = "K-2", Geometry = Pt(139.790, 35.685), Date = new DateOnly(2024, 4, 2) },
        });
        w.Commit();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

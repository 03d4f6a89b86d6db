using DxGeo.Core.Features;

namespace DxGeo.Core.Assets.Layers;

/// <summary>The asset and context layers every DxGeo workspace knows, by their stored layer names.</summary>
public static class AssetLayers
{
    public static WaterPipeLayer Pipes { get; } = new();
    public static BridgeLayer Bridges { get; } = new();
    public static LeveeLayer Levees { get; } = new();
    public static PipeBreakLayer Breaks { get; } = new();
    public static SoilLayer Soil { get; } = new();
    public static FloodZoneLayer FloodZones { get; } = new();
    public static NoFlyZoneLayer NoFlyZones { get; } = new();
    public static RoadLayer Roads { get; } = new();
    public static FacilityLayer Facilities { get; } = new();
    public static RoadWorkLayer RoadWorks { get; } = new();
    public static ElevationPointLayer ElevationPoints { get; } = new();

    public static IReadOnlyList<LayerSchema> All { get; } =
    [
        Pipes.Schema, Bridges.Schema, Levees.Schema, Breaks.Schema, Soil.Schema, FloodZones.Schema,
        NoFlyZones.Schema, Roads.Schema, Facilities.Schema, RoadWorks.Schema, ElevationPoints.Schema,
    ];

    /// <summary>The known schema for a layer name (case-insensitive), or null for a user layer.</summary>
    public static LayerSchema? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Layout;

internal enum RoadClassKind { Arterial, Collector, Local }

/// <summary>A street centreline in local metres, before noding into the road graph.</summary>
internal sealed class StreetLine
{
    public required string Key { get; init; }
    public required LineString Line { get; init; }
    public required RoadClassKind Class { get; init; }
    public string? Name { get; init; }
    /// <summary>District the street was laid out in (null for town-wide roads).</summary>
    public string? DistrictId { get; init; }
    /// <summary>Whether a water main crosses the main river on this street's bridge (水管橋/添架管).</summary>
    public bool PipeOnMainBridge { get; init; }
    /// <summary>Carriageway plus sidewalks (m).</summary>
    public double WidthM { get; init; }
    /// <summary>Farm road in the paddies: only some carry a water main.</summary>
    public bool Rural { get; init; }

    public string ClassCode => Class switch
    {
        RoadClassKind.Arterial => "arterial", RoadClassKind.Collector => "collector", _ => "local",
    };
}

using NetTopologySuite.Geometries;

namespace DxGeo.Imagery.Footprints;

/// <summary>A photo's ground footprint (EPSG:4326) and ground sampling distance at its centre.</summary>
/// <param name="View">nadir (gimbal pitch within 0.5° of −90°, or unknown) or oblique.</param>
/// <param name="HorizonCapped">True when a corner ray was lowered to <see cref="GroundProjector.MinDepressionDeg"/>.</param>
public sealed record PhotoFootprint(Polygon LonLat, double GsdCmPerPx, string View, bool HorizonCapped);

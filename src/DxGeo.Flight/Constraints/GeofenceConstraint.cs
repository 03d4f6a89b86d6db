using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Every leg, transits included, stays inside the geofence polygon, at least <see cref="InsetM"/> from its edge
/// (autopilots breach a fence they fly exactly on).
/// </summary>
public sealed class GeofenceConstraint
{
    public GeofenceConstraint(Geometry fenceM, double insetM)
    {
        if (fenceM is not (Polygon or MultiPolygon) || fenceM.IsEmpty || !fenceM.IsValid)
            throw new DxGeoException("geofence must be a valid, non-empty polygon");
        if (!double.IsFinite(insetM) || insetM < 0) throw new DxGeoException($"geofence inset must be ≥ 0 m (got {insetM})");
        FenceM = fenceM;
        InsetM = insetM;
        Inner = insetM > 0 ? fenceM.Buffer(-insetM) : fenceM;
        if (Inner.IsEmpty) throw new DxGeoException($"geofence is narrower than twice its {insetM} m inset: nowhere to fly");
    }

    public Geometry FenceM { get; }
    public double InsetM { get; }
    /// <summary>Where legs may go: the fence shrunk by the inset.</summary>
    public Geometry Inner { get; }
}

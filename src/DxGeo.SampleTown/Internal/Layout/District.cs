using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Layout;

/// <summary>How a district was built up: drives street spacing, pipe eras and materials.</summary>
internal enum DistrictKind { OldTown, Urban, Suburb, NewSuburb, Rural, Coastal }

/// <summary>A district (地区) template: where its centre lies relative to the river and how it grew.</summary>
internal sealed record DistrictSpec(
    string Id, string NameJa, string NameRomaji, DistrictKind Kind, string PressureZone,
    double CentreX, double CentreDyFromRiver, int DevelopmentYear, double BlockM, double GridAngleDeg);

internal sealed class District
{
    public required DistrictSpec Spec { get; init; }
    public required MultiPolygon Area { get; init; }
    public string Id => Spec.Id;
    public string Name => Spec.NameJa;
}

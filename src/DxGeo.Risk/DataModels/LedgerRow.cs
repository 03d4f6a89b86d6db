using Microsoft.ML.Data;

namespace DxGeo.Risk.DataModels;

/// <summary>
/// One pipe as the ledger-gap models see it: its own recorded attributes and what its neighbours say.
/// Neighbour values come only from pipes whose value is known (recorded, or being used as known), never from itself.
/// </summary>
public sealed class LedgerRow
{
    public const int MaterialCount = 6; // DCIP, CIP, SP, VP, PE, ACP (UNK is never a share)

    public string PipeId { get; set; } = "";
    // Targets (NaN / "UNK" when unknown).
    public float InstallYear { get; set; }
    public string Material { get; set; } = "UNK";

    public float DiameterMm { get; set; }
    public float LogLengthM { get; set; }
    /// <summary>Centroid offset from the network centre (km, metric frame): position in the town.</summary>
    public float XKm { get; set; }
    public float YKm { get; set; }
    /// <summary>Pipes touching either end (≤ 1 m): the network's connectivity.</summary>
    public float TouchingCount { get; set; }
    public float TouchingYearMean { get; set; }
    [VectorType(MaterialCount)] public float[] TouchingMaterialShare { get; set; } = new float[MaterialCount];
    public float NearbyCount { get; set; }
    public float NearbyYearMean { get; set; }
    public float NearbyYearSpread { get; set; }
    [VectorType(MaterialCount)] public float[] NearbyMaterialShare { get; set; } = new float[MaterialCount];
    public float NearestKnownYear { get; set; }
    public string NearestKnownMaterial { get; set; } = "UNK";
    public string District { get; set; } = "none";
    public string PressureZone { get; set; } = "none";
    public string RoadClass { get; set; } = "none";
    /// <summary>The other target as a feature: the install year for the material model, the material for the year model.</summary>
    public float OwnYearIfKnown { get; set; }
    public string OwnMaterialIfKnown { get; set; } = "UNK";
}

namespace DxGeo.Risk.DataModels;

/// <summary>
/// One pipe segment in one year: the model's input row. Features for year Y use only what was known on
/// 1 January of Y (breaks strictly before Y). <see cref="Label"/>/<see cref="BreakCount"/> are the breaks in Y itself.
/// Column names match <see cref="Features.FeatureCatalog"/>.
/// </summary>
public sealed class PipeYearRow
{
    // Identity and evaluation columns (not features).
    public string PipeId { get; set; } = "";
    public float Year { get; set; }
    public float LengthM { get; set; }
    public bool Label { get; set; }
    public float BreakCount { get; set; }

    // Numeric features.
    public float AgeYears { get; set; }
    public float InstallYearMissing { get; set; }
    public float DiameterMm { get; set; }
    public float LogLengthM { get; set; }
    public float CorrosivityScore { get; set; }
    public float HighCorrosivityShare { get; set; }
    public float FloodDepthMean { get; set; }
    public float FloodDepthMax { get; set; }
    public float ElevationM { get; set; }
    public float SlopePct { get; set; }
    public float OwnBreaks1y { get; set; }
    public float OwnBreaks3y { get; set; }
    public float OwnBreaks5y { get; set; }
    public float OwnBreaksAll { get; set; }
    public float OwnBreaksPerKmYear { get; set; }
    public float YearsSinceLastBreak { get; set; }
    public float NearbyBreaks1y { get; set; }
    public float NearbyBreaks3y { get; set; }
    public float NearbyBreaksAll { get; set; }
    public float HistoryYears { get; set; }
    /// <summary>Expected breaks this year from the segment's material × age class (set by the model's <see cref="Models.BreakRatePrior"/>).</summary>
    public float PriorExpected { get; set; }
    /// <summary>The class expectation updated by the segment's own break record (empirical Bayes; set by the model).</summary>
    public float EbExpected { get; set; }

    // Categorical features (one-hot encoded in the pipeline).
    public string Material { get; set; } = "UNK";
    public string SoilClass { get; set; } = "none";
    public string RoadClass { get; set; } = "none";
    public string PressureZone { get; set; } = "none";

    /// <summary>A copy (rows are mutable: the prior writes its columns, controls permute outcomes).</summary>
    public PipeYearRow Clone() => (PipeYearRow)MemberwiseClone();
}

/// <summary>The model's output columns read back after scoring.</summary>
public sealed class BreakRiskPrediction
{
    public float Probability { get; set; }
    public float Score { get; set; }
}

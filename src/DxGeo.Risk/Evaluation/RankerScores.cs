namespace DxGeo.Risk.Evaluation;

/// <summary>
/// A method's scores for a set of pipe-year rows: <see cref="Score"/> ranks segments by count ("which pipes first"),
/// <see cref="ScorePerKm"/> ranks them by length ("which kilometres first"), <see cref="Probability"/> only for
/// methods that predict a calibrated probability (the model), for Brier score and calibration.
/// </summary>
public sealed record RankerScores(string Method, double[] Score, double[] ScorePerKm, double[]? Probability = null);

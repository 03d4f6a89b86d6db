namespace DxGeo.Imagery.Damage.Head;

/// <summary>The ML.NET trainer behind a head.</summary>
public enum HeadKind
{
    /// <summary>Standardised features, L-BFGS logistic regression.</summary>
    Logistic,
    /// <summary>Gradient-boosted trees (LightGBM).</summary>
    LightGbm,
}

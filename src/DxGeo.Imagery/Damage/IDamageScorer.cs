namespace DxGeo.Imagery.Damage;

/// <summary>
/// Scores one photo for visible damage. Implementations cut the photo into tiles sized from its ground sampling
/// distance (so a tile covers a similar ground area at any altitude), score every tile, and return the per-tile map.
/// The photo is decoded inside the call and released before it returns, so a batch never holds many decoded photos.
/// </summary>
public interface IDamageScorer
{
    /// <summary>Model id and version, written next to every score so a score can be traced to the model that made it.</summary>
    string ModelId { get; }

    /// <summary>Decision threshold chosen on validation data for the model's target recall; a tile at or above it is a finding.</summary>
    double Threshold { get; }

    /// <param name="imagePath">JPEG on disk.</param>
    /// <param name="gsdCmPerPx">Ground sampling distance of the photo (cm/px) or null when unknown (the scorer uses its default tile size).</param>
    ImageDamageScore Score(string imagePath, double? gsdCmPerPx, CancellationToken cancellationToken = default);
}

/// <summary>One scored tile: its pixel rectangle in the full-resolution photo and its damage probability (0–1).</summary>
public readonly record struct TileScore(int XPx, int YPx, int WidthPx, int HeightPx, float Score);

/// <summary>A photo's scores: the maximum over its tiles (the photo's score) and every tile (the heat map).</summary>
public sealed record ImageDamageScore(string ModelId, int ImageWidthPx, int ImageHeightPx, double MaxScore, IReadOnlyList<TileScore> Tiles)
{
    /// <summary>Tiles at or above <paramref name="threshold"/>, highest first.</summary>
    public IEnumerable<TileScore> Above(double threshold) => Tiles.Where(t => t.Score >= threshold).OrderByDescending(t => t.Score);
}

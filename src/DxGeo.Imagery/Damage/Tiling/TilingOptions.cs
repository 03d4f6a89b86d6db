namespace DxGeo.Imagery.Damage.Tiling;

/// <summary>
/// How a photo is cut into tiles. A tile covers <see cref="TileGroundM"/> metres of ground whatever the altitude;
/// without a GSD the tile is <see cref="DefaultTilePx"/> pixels. 0.6 m is the ground side of the training data's
/// drone tiles (quay-wall tiles: 256 px at ~2.3 mm/px from ~10 m), and 256 px is that tile's pixel size.
/// </summary>
public sealed record TilingOptions
{
    public double TileGroundM { get; init; } = 0.6;
    public int DefaultTilePx { get; init; } = 256;
    /// <summary>Below this a tile holds too few pixels to show a hair-line crack; above it the network's 224-px input loses it.</summary>
    public int MinTilePx { get; init; } = 96;
    public int MaxTilePx { get; init; } = 1024;
    /// <summary>Side of the network input every tile is resized to.</summary>
    public int InputPx { get; init; } = 224;

    /// <summary>Tile side in pixels for a photo of the given GSD (cm/px), clamped to [MinTilePx, MaxTilePx].</summary>
    public int TilePx(double? gsdCmPerPx)
    {
        if (gsdCmPerPx is not { } gsd || !double.IsFinite(gsd) || gsd <= 0) return DefaultTilePx;
        var px = (int)Math.Round(TileGroundM * 100.0 / gsd);
        return Math.Clamp(px, MinTilePx, MaxTilePx);
    }
}

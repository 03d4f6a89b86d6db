using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage.Training;

/// <summary>
/// One labelled tile: a rectangle of an image file. <see cref="Group"/> names the source photo: every tile of one
/// photo (and every crop a data set cut from one photo) shares it, so a split never puts one photo in two parts.
/// </summary>
public sealed record TileSample(string Source, string Group, string ImagePath, TileRect Rect, bool Damaged, string? Type = null)
{
    /// <summary>Stable key for feature caching.</summary>
    public string Key => $"{Path.GetFullPath(ImagePath)}|{Rect.XPx},{Rect.YPx},{Rect.WidthPx},{Rect.HeightPx}";
}

/// <summary>Which part of the split a source photo belongs to.</summary>
public enum SplitPart
{
    Train,
    Validation,
    Heldout,
}

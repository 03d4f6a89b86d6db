namespace DxGeo.Imagery.Damage.Tiling;

/// <summary>Pixel rectangle of one tile in the full-resolution photo.</summary>
public readonly record struct TileRect(int XPx, int YPx, int WidthPx, int HeightPx);

/// <summary>
/// Cuts a photo into square tiles of a given side. The last row and column are shifted back to end at the photo's
/// edge (overlapping their neighbour) so no strip of the photo is left unscored and every tile has the same scale.
/// A photo smaller than the tile is one tile.
/// </summary>
public static class TileGrid
{
    public static IReadOnlyList<TileRect> Plan(int widthPx, int heightPx, int tilePx)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tilePx, 1);
        var xs = Starts(widthPx, tilePx);
        var ys = Starts(heightPx, tilePx);
        var w = Math.Min(tilePx, widthPx);
        var h = Math.Min(tilePx, heightPx);
        var tiles = new List<TileRect>(xs.Count * ys.Count);
        foreach (var y in ys)
            foreach (var x in xs)
                tiles.Add(new TileRect(x, y, w, h));
        return tiles;
    }

    private static List<int> Starts(int lengthPx, int tilePx)
    {
        if (lengthPx <= tilePx) return [0];
        var starts = new List<int>();
        for (var s = 0; s + tilePx <= lengthPx; s += tilePx) starts.Add(s);
        if (starts[^1] + tilePx < lengthPx) starts.Add(lengthPx - tilePx);
        return starts;
    }
}

using DxGeo.Imagery.Damage;

namespace DxGeo.Imagery.Scoring;

/// <summary>A region of a photo raised as one finding: the bounding box of touching flagged tiles and their best score.</summary>
public readonly record struct FindingRegion(int XPx, int YPx, int WidthPx, int HeightPx, float Score, int TileCount);

/// <summary>
/// Groups the tiles at or above the threshold into regions: tiles that overlap or share an edge or corner belong to the
/// same region (one crack running across three tiles is one finding, not three). Regions are returned highest score
/// first; only the best <c>maxRegions</c> are kept so a photo of a wholly damaged wall does not flood the review queue
/// (its tile heat map still shows every tile).
/// </summary>
public static class FindingRegions
{
    public static IReadOnlyList<FindingRegion> Merge(IReadOnlyList<TileScore> tiles, double threshold, int maxRegions = 20)
    {
        var flagged = tiles.Where(t => t.Score >= threshold && t.WidthPx > 0 && t.HeightPx > 0).ToArray();
        var parent = Enumerable.Range(0, flagged.Length).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var i = 0; i < flagged.Length; i++)
            for (var j = i + 1; j < flagged.Length; j++)
                if (Touch(flagged[i], flagged[j])) parent[Find(i)] = Find(j);
        return flagged.Select((t, i) => (t, root: Find(i)))
            .GroupBy(x => x.root)
            .Select(g =>
            {
                var x0 = g.Min(x => x.t.XPx); var y0 = g.Min(x => x.t.YPx);
                var x1 = g.Max(x => x.t.XPx + x.t.WidthPx); var y1 = g.Max(x => x.t.YPx + x.t.HeightPx);
                return new FindingRegion(x0, y0, x1 - x0, y1 - y0, g.Max(x => x.t.Score), g.Count());
            })
            .OrderByDescending(r => r.Score).ThenBy(r => r.YPx).ThenBy(r => r.XPx)
            .Take(maxRegions).ToArray();
    }

    private static bool Touch(TileScore a, TileScore b) =>
        a.XPx <= b.XPx + b.WidthPx && b.XPx <= a.XPx + a.WidthPx && a.YPx <= b.YPx + b.HeightPx && b.YPx <= a.YPx + a.HeightPx;
}

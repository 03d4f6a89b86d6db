namespace DxGeo.Flight.Internal;

/// <summary>One line of photos in a <see cref="LineFrame"/>: photos at x = X0 + i·t (i &lt; Count), at height Y.</summary>
internal readonly record struct FrameLine(int Strip, double Y, double X0, int Count);

/// <summary>
/// Covers a region with parallel photo lines (lines horizontal in the frame). Each strip around a line offset is
/// assigned to that line; the line's photos span the region's x-extent in the strip far enough that every point of
/// it is seen by ⌊H/t⌋ consecutive photos (H frontal footprint, t trigger distance). Side coverage follows from the
/// strips being no wider than the line spacing, which is below the side footprint.
/// </summary>
internal static class ParallelLineCover
{
    /// <summary>Offsets centred on [yMin, yMax]: ⌈extent / spacing⌉ lines (at least one), QGC's transect count.</summary>
    public static double[] CentredOffsets(double yMin, double yMax, double spacing)
    {
        var n = Math.Max(1, (int)Math.Ceiling((yMax - yMin) / spacing - 1e-9));
        var mid = 0.5 * (yMin + yMax);
        return Enumerable.Range(0, n).Select(j => mid - (n - 1) * spacing / 2 + j * spacing).ToArray();
    }

    public static List<FrameLine> Cover(StripProjection region, IReadOnlyList<double> offsets,
        double frontalM, double triggerM, double mergeGapM)
    {
        var k = Math.Max(1, (int)Math.Floor(frontalM / triggerM + 1e-9));
        var reach = (k - 1) * triggerM - frontalM / 2; // how far photos must extend beyond the covered interval
        var lines = new List<FrameLine>();
        for (var j = 0; j < offsets.Count; j++)
        {
            var lo = j == 0 ? double.NegativeInfinity : 0.5 * (offsets[j - 1] + offsets[j]);
            var hi = j == offsets.Count - 1 ? double.PositiveInfinity : 0.5 * (offsets[j] + offsets[j + 1]);
            foreach (var (a, b) in region.Intervals(lo, hi, mergeGapM))
            {
                var need = (b - a) + 2 * reach;
                var n = Math.Max(k, (int)Math.Ceiling(need / triggerM - 1e-9) + 1);
                var x0 = 0.5 * (a + b) - (n - 1) * triggerM / 2;
                lines.Add(new FrameLine(j, offsets[j], x0, n));
            }
        }
        return lines;
    }
}

namespace DxGeo.Core.Mesh;

/// <summary>
/// The whole mesh system as one integer grid of quarter-mesh cells: a row is 7.5″ of latitude (1/480°),
/// a column 11.25″ of longitude (1/320°) counted from 100°E. Every level is a block of these cells
/// (first 320, second 40, third 4, half 2, quarter 1), so codes are pure integer arithmetic and
/// boundaries never depend on floating-point division by 40′ or 45″.
/// </summary>
internal static class MeshGrid
{
    public const int RowsPerDeg = 480;
    public const int ColsPerDeg = 320;
    public const double OriginLonDeg = 100.0;
    /// <summary>Rows of the system: 1st-mesh row p is two digits (0–99), i.e. latitude below 66°40′.</summary>
    public const long RowCount = 100L * 320;
    public const long ColCount = 100L * 320;

    // A point on a boundary belongs to the cell north/east of it (JIS X 0410). Products like 35.6666…×480
    // can land a hair below the integer, so nudge by ~0.2 µm before flooring.
    private const double Nudge = 1e-9;

    public static int Span(MeshLevel level) => level switch
    {
        MeshLevel.First => 320, MeshLevel.Second => 40, MeshLevel.Third => 4, MeshLevel.Half => 2,
        MeshLevel.Quarter => 1, _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Quarter-cell row of a latitude (may be outside the system; callers check).</summary>
    public static long Row(double latDeg) => (long)Math.Floor(latDeg * RowsPerDeg + Nudge);

    public static long Col(double lonDeg) => (long)Math.Floor((lonDeg - OriginLonDeg) * ColsPerDeg + Nudge);

    public static bool Inside(double lonDeg, double latDeg) =>
        double.IsFinite(lonDeg) && double.IsFinite(latDeg) &&
        Row(latDeg) is >= 0 and < RowCount && Col(lonDeg) is >= 0 and < ColCount;

    /// <summary>The code of the cell at quarter row/column (<paramref name="row"/>, <paramref name="col"/>) at <paramref name="level"/>.</summary>
    public static long Code(long row, long col, MeshLevel level)
    {
        var code = (row / 320) * 100 + col / 320;                           // p p u u
        if (level == MeshLevel.First) return code;
        code = code * 100 + (row % 320 / 40) * 10 + col % 320 / 40;          // q v (0–7)
        if (level == MeshLevel.Second) return code;
        code = code * 100 + (row % 40 / 4) * 10 + col % 40 / 4;              // r w (0–9)
        if (level == MeshLevel.Third) return code;
        code = code * 10 + (row % 4 / 2) * 2 + col % 4 / 2 + 1;              // 1 SW, 2 SE, 3 NW, 4 NE
        if (level == MeshLevel.Half) return code;
        return code * 10 + (row % 2) * 2 + col % 2 + 1;
    }

    /// <summary>South-west quarter row/column of a (valid) code.</summary>
    public static (long Row, long Col) Origin(long code, MeshLevel level)
    {
        long row = 0, col = 0;
        var digits = MeshLevels.Digits(level);
        // Peel the code from its last digit back to the 1st-mesh part.
        var c = code;
        if (digits >= 10) { var d = c % 10 - 1; row += d / 2; col += d % 2; c /= 10; }
        if (digits >= 9) { var d = c % 10 - 1; row += d / 2 * 2; col += d % 2 * 2; c /= 10; }
        if (digits >= 8) { col += c % 10 * 4; row += c / 10 % 10 * 4; c /= 100; }
        if (digits >= 6) { col += c % 10 * 40; row += c / 10 % 10 * 40; c /= 100; }
        col += c % 100 * 320;
        row += c / 100 * 320;
        return (row, col);
    }
}

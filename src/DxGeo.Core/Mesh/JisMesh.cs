using System.Globalization;
using DxGeo.Core.Errors;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Mesh;

/// <summary>
/// JIS X 0410 regional mesh codes (地域メッシュコード) and the Statistics Bureau's half (2分の1) and quarter (4分の1)
/// subdivisions: code of a lon/lat point, bounds of a code, validation, and the cells covering an envelope.
/// Coordinates are JGD2011/WGS 84 lon/lat degrees (x = lon), the frame the standard is defined in.
/// </summary>
public static class JisMesh
{
    /// <summary>Largest number of cells <see cref="Covering"/> will enumerate (a 250 m grid over ~700 km × 700 km).</summary>
    public const long MaxCoveringCells = 10_000_000;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>The cell of <paramref name="level"/> containing the point. A point on a cell boundary belongs to the cell to its north/east.</summary>
    /// <exception cref="DxGeoException">The point lies outside the mesh system (lat 0°–66°40′ N, lon 100°–200° E).</exception>
    public static MeshCode FromLonLat(double lonDeg, double latDeg, MeshLevel level)
    {
        if (!MeshGrid.Inside(lonDeg, latDeg))
            throw new DxGeoException(FormattableString.Invariant(
                $"point ({lonDeg}, {latDeg}) is outside the JIS X 0410 mesh system (lat 0°–66°40′ N, lon 100°–200° E)"));
        return new MeshCode(MeshGrid.Code(MeshGrid.Row(latDeg), MeshGrid.Col(lonDeg), level), level);
    }

    /// <summary>Whether the point can be given a mesh code.</summary>
    public static bool Contains(double lonDeg, double latDeg) => MeshGrid.Inside(lonDeg, latDeg);

    /// <summary>Parses a code of 4, 6, 8, 9 or 10 digits; dashes and spaces between groups are allowed ("5339-46-11").</summary>
    /// <exception cref="DxGeoException">The text is not a valid code; the message says which digit is wrong.</exception>
    public static MeshCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new DxGeoException(error!);

    public static bool TryParse(string? text, out MeshCode code, out string? error)
    {
        code = default;
        var raw = text ?? "";
        var digits = raw.Replace("-", "").Replace(" ", "").Trim();
        string Fail(string why) => $"'{raw}' is not a JIS X 0410 mesh code: {why}";
        if (digits.Length == 0) { error = Fail("it is empty"); return false; }
        foreach (var ch in digits)
            if (ch is < '0' or > '9') { error = Fail($"'{ch}' is not a digit"); return false; }
        if (MeshLevels.FromDigits(digits.Length) is not { } level)
        {
            error = Fail($"{digits.Length} digits (expected 4 first, 6 second, 8 third, 9 half or 10 quarter)");
            return false;
        }
        if (digits.Length >= 6 && (digits[4] > '7' || digits[5] > '7'))
        {
            error = Fail($"second-mesh digits '{digits[4..6]}' must each be 0–7");
            return false;
        }
        for (var i = 8; i < digits.Length; i++)
            if (digits[i] is < '1' or > '4')
            {
                error = Fail($"digit {i + 1} ('{digits[i]}') of a {(i == 8 ? "half" : "quarter")} mesh must be 1–4");
                return false;
            }
        code = new MeshCode(long.Parse(digits, CultureInfo.InvariantCulture), level);
        error = null;
        return true;
    }

    /// <summary>The cell's bounds in lon/lat degrees (west, east, south, north).</summary>
    public static Envelope Bounds(MeshCode code)
    {
        var (row, col) = MeshGrid.Origin(code.Value, code.Level);
        var span = MeshGrid.Span(code.Level);
        return new Envelope(
            MeshGrid.OriginLonDeg + (double)col / MeshGrid.ColsPerDeg,
            MeshGrid.OriginLonDeg + (double)(col + span) / MeshGrid.ColsPerDeg,
            (double)row / MeshGrid.RowsPerDeg,
            (double)(row + span) / MeshGrid.RowsPerDeg);
    }

    /// <summary>The cell as a closed EPSG:4326 polygon (SW, SE, NE, NW).</summary>
    public static Polygon ToPolygon(MeshCode code, GeometryFactory? factory = null)
    {
        var e = Bounds(code);
        return (factory ?? Wgs84).CreatePolygon(
        [
            new Coordinate(e.MinX, e.MinY), new Coordinate(e.MaxX, e.MinY), new Coordinate(e.MaxX, e.MaxY),
            new Coordinate(e.MinX, e.MaxY), new Coordinate(e.MinX, e.MinY),
        ]);
    }

    /// <summary>The cell of a coarser (or equal) level containing this one, e.g. the third mesh of a quarter mesh.</summary>
    public static MeshCode Parent(MeshCode code, MeshLevel level)
    {
        if (level > code.Level)
            throw new ArgumentException($"{level} is finer than the code's level {code.Level}", nameof(level));
        var (row, col) = MeshGrid.Origin(code.Value, code.Level);
        return new MeshCode(MeshGrid.Code(row, col, level), level);
    }

    /// <summary>
    /// Every cell of <paramref name="level"/> whose interior meets the lon/lat envelope, row by row from the south-west.
    /// Cells that only touch the envelope's north or east edge are left out; a degenerate envelope (a point or a
    /// meridian/parallel segment) yields the cells containing it.
    /// </summary>
    /// <exception cref="DxGeoException">The envelope leaves the mesh system or would need more than <see cref="MaxCoveringCells"/> cells.</exception>
    public static IEnumerable<MeshCode> Covering(Envelope lonLat, MeshLevel level)
    {
        var (r0, r1, c0, c1) = CoveringRange(lonLat, level);
        return Enumerate(r0, r1, c0, c1, level);
    }

    /// <summary>Number of cells <see cref="Covering"/> would return.</summary>
    public static long CoveringCount(Envelope lonLat, MeshLevel level)
    {
        var (r0, r1, c0, c1) = CoveringRange(lonLat, level, check: false);
        return (r1 - r0 + 1) * (c1 - c0 + 1);
    }

    private static IEnumerable<MeshCode> Enumerate(long r0, long r1, long c0, long c1, MeshLevel level)
    {
        var span = MeshGrid.Span(level);
        for (var r = r0; r <= r1; r++)
            for (var c = c0; c <= c1; c++)
                yield return new MeshCode(MeshGrid.Code(r * span, c * span, level), level);
    }

    // Row/column range in units of the level's cells.
    private static (long R0, long R1, long C0, long C1) CoveringRange(Envelope e, MeshLevel level, bool check = true)
    {
        if (e.IsNull || !MeshGrid.Inside(e.MinX, e.MinY) || !MeshGrid.Inside(e.MaxX, e.MaxY))
            throw new DxGeoException(FormattableString.Invariant(
                $"envelope {e} is outside the JIS X 0410 mesh system (lat 0°–66°40′ N, lon 100°–200° E)"));
        var span = MeshGrid.Span(level);
        var r0 = MeshGrid.Row(e.MinY) / span;
        var c0 = MeshGrid.Col(e.MinX) / span;
        // The max edge: a cell starting exactly on it only touches the envelope, so step back from the boundary.
        var r1 = Math.Max(r0, LastIndex(e.MaxY * MeshGrid.RowsPerDeg / span));
        var c1 = Math.Max(c0, LastIndex((e.MaxX - MeshGrid.OriginLonDeg) * MeshGrid.ColsPerDeg / span));
        if (check && (r1 - r0 + 1) * (c1 - c0 + 1) > MaxCoveringCells)
            throw new DxGeoException(
                $"envelope {e} needs {(r1 - r0 + 1) * (c1 - c0 + 1):N0} {MeshLevels.Name(level)} meshes (limit {MaxCoveringCells:N0}); use a coarser level or a smaller area");
        return (r0, r1, c0, c1);
    }

    private static long LastIndex(double units)
    {
        var rounded = Math.Round(units);
        return Math.Abs(units - rounded) < 1e-9 ? (long)rounded - 1 : (long)Math.Floor(units);
    }
}

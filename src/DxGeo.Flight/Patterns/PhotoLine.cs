using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Patterns;

/// <summary>
/// A straight run of equally spaced photos, in metres of the site's metric frame: the first photo at
/// <see cref="Start"/>, then one every <see cref="TriggerDistanceM"/> along (<see cref="DirX"/>, <see cref="DirY"/>).
/// The vehicle flies <see cref="LeadInM"/> before the first photo and <see cref="LeadOutM"/> after the last
/// (turnaround, no photos). Lines with the same <see cref="LineKey"/> lie on one photo grid: splitting a line between
/// sorties keeps every photo where it was, so coverage is judged per key.
/// </summary>
public sealed record PhotoLine
{
    /// <summary>First photo position (x east, y north, metres).</summary>
    public required Coordinate Start { get; init; }
    /// <summary>Unit direction of flight (east, north components).</summary>
    public required double DirX { get; init; }
    public required double DirY { get; init; }
    public required int PhotoCount { get; init; }
    public required double TriggerDistanceM { get; init; }
    /// <summary>Altitude above the launch point (flat-terrain assumption: above ground).</summary>
    public required double AltitudeM { get; init; }
    public required int PassIndex { get; init; }
    public required int LineKey { get; init; }
    public double LeadInM { get; init; }
    public double LeadOutM { get; init; }
    /// <summary>Fixed compass heading of vehicle and camera (structure passes); null = facing along the line.</summary>
    public double? HeadingDeg { get; init; }
    /// <summary>Gimbal pitch: −90 nadir, 0 horizontal, positive up.</summary>
    public double GimbalPitchDeg { get; init; } = -90;

    /// <summary>Distance from the first to the last photo.</summary>
    public double LengthM => (PhotoCount - 1) * TriggerDistanceM;
    public Coordinate End => Along(Start, LengthM);
    public Coordinate LeadStart => Along(Start, -LeadInM);
    public Coordinate LeadEnd => Along(End, LeadOutM);
    /// <summary>Flown length including turnarounds.</summary>
    public double FlownLengthM => LengthM + LeadInM + LeadOutM;

    /// <summary>Compass heading of the flight direction.</summary>
    public double TrackDeg => Geo.HeadingDeg(DirX, DirY);

    public Coordinate Photo(int i) => Along(Start, i * TriggerDistanceM);

    public IEnumerable<Coordinate> Photos()
    {
        for (var i = 0; i < PhotoCount; i++) yield return Photo(i);
    }

    public PhotoLine Reversed() => this with { Start = End, DirX = -DirX, DirY = -DirY, LeadInM = LeadOutM, LeadOutM = LeadInM };

    /// <summary>Splits after the first <paramref name="count"/> photos (1 ≤ count &lt; PhotoCount); photos keep their positions.
    /// The new ends get a turnaround of at most <paramref name="leadM"/>, never reaching past the original line's own
    /// turnarounds, so both parts stay on ground the whole line was cleared for.</summary>
    public (PhotoLine Head, PhotoLine Tail) SplitAfter(int count, double leadM)
    {
        if (count < 1 || count >= PhotoCount) throw new ArgumentOutOfRangeException(nameof(count));
        var head = this with { PhotoCount = count, LeadOutM = Math.Min(leadM, (PhotoCount - count) * TriggerDistanceM + LeadOutM) };
        var tail = this with { Start = Photo(count), PhotoCount = PhotoCount - count, LeadInM = Math.Min(leadM, count * TriggerDistanceM + LeadInM) };
        return (head, tail);
    }

    private Coordinate Along(Coordinate c, double d) => new(c.X + DirX * d, c.Y + DirY * d);
}

/// <summary>Small metric helpers shared by patterns and constraints.</summary>
public static class Geo
{
    /// <summary>Compass heading (0 = north, clockwise, [0, 360)) of the vector (east, north).</summary>
    public static double HeadingDeg(double east, double north)
    {
        var h = Math.Atan2(east, north) * 180 / Math.PI;
        return h < 0 ? h + 360 : h;
    }
}

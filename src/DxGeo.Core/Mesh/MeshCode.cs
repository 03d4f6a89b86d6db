using System.Globalization;

namespace DxGeo.Core.Mesh;

/// <summary>
/// One JIS X 0410 mesh cell: its code as a number (e.g. 5339461132) and its level (which fixes the digit count).
/// Build with <see cref="JisMesh.FromLonLat"/> or <see cref="JisMesh.Parse"/>; the value is always a valid code.
/// </summary>
public readonly record struct MeshCode
{
    internal MeshCode(long value, MeshLevel level)
    {
        Value = value;
        Level = level;
    }

    public long Value { get; }
    public MeshLevel Level { get; }

    /// <summary>The code as digits, e.g. "53394611".</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture).PadLeft(MeshLevels.Digits(Level), '0');

    /// <summary>The code grouped as printed in the Statistics Bureau's tables: "5339-46-11-3-2".</summary>
    public string ToDashed()
    {
        var s = ToString();
        var parts = new List<string> { s[..4] };
        if (s.Length >= 6) parts.Add(s[4..6]);
        if (s.Length >= 8) parts.Add(s[6..8]);
        if (s.Length >= 9) parts.Add(s[8..9]);
        if (s.Length >= 10) parts.Add(s[9..10]);
        return string.Join('-', parts);
    }
}

using System.Globalization;
using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;

namespace DxGeo.Flight.Formats;

/// <summary>
/// The "QGC WPL 110" waypoint text format (Mission Planner, QGroundControl, MAVProxy): a header line, then one
/// tab-separated line per item: index, current, frame, command, param1–4, x/lat, y/lon, z/alt, autocontinue.
/// Line 0 is the home position, as those tools write it; it is returned apart from the mission items.
/// </summary>
public static class WplFormat
{
    public const string Header = "QGC WPL 110";

    public sealed record WplMission(MissionItem? Home, IReadOnlyList<MissionItem> Items);

    public static WplMission Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException e) { throw new InputDataException($"cannot read: {e.Message}", path); }
        return Parse(lines, path);
    }

    public static WplMission Parse(IReadOnlyList<string> lines, string source = "WPL")
    {
        if (lines.Count == 0 || !lines[0].Trim().StartsWith("QGC WPL", StringComparison.Ordinal))
            throw new InputDataException($"not a waypoint file: the first line must be '{Header}'", source, field: "header");
        var items = new List<MissionItem>();
        for (var n = 1; n < lines.Count; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0) continue;
            var f = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 12) throw new InputDataException($"line {n + 1} has {f.Length} fields, a waypoint line has 12", source, items.Count);
            double D(int i, string name) => double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InputDataException($"line {n + 1}: '{f[i]}' is not a number", source, items.Count, field: name);
            items.Add(new MissionItem
            {
                Seq = (int)D(0, "index"), Current = D(1, "current") != 0, Frame = (MavFrame)(byte)D(2, "frame"),
                Command = (MavCmd)(ushort)D(3, "command"), Param1 = (float)D(4, "param1"), Param2 = (float)D(5, "param2"),
                Param3 = (float)D(6, "param3"), Param4 = (float)D(7, "param4"), LatitudeDeg = D(8, "latitude"),
                LongitudeDeg = D(9, "longitude"), Z = (float)D(10, "altitude"), Autocontinue = D(11, "autocontinue") != 0,
            });
        }
        for (var i = 0; i < items.Count; i++)
            if (items[i].Seq != i) throw new InputDataException($"items must be numbered 0, 1, 2…; found {items[i].Seq} at position {i}", source, i, field: "index");
        if (items.Count == 0) return new WplMission(null, []);
        return new WplMission(items[0], [.. items.Skip(1).Select((it, i) => it with { Seq = i, Current = false })]);
    }

    /// <summary>Writes home as line 0 (a zero position when unknown) and the items from index 1.</summary>
    public static string Format(MissionItem? home, IReadOnlyList<MissionItem> items)
    {
        var sb = new StringBuilder(Header).Append('\n');
        var all = new List<MissionItem> { (home ?? new MissionItem { Command = MavCmd.NavWaypoint, Frame = MavFrame.Global }) with { Current = true } };
        all.AddRange(items.Select(i => i with { Current = false }));
        for (var i = 0; i < all.Count; i++)
        {
            var it = all[i];
            sb.Append(string.Join('\t', i, it.Current ? 1 : 0, (int)it.Frame, (int)it.Command,
                F(it.Param1), F(it.Param2), F(it.Param3), F(it.Param4),
                it.LatitudeDeg.ToString("F8", CultureInfo.InvariantCulture), it.LongitudeDeg.ToString("F8", CultureInfo.InvariantCulture),
                F(it.Z), it.Autocontinue ? 1 : 0)).Append('\n');
        }
        return sb.ToString();
    }

    public static void Write(string path, MissionItem? home, IReadOnlyList<MissionItem> items) => File.WriteAllText(path, Format(home, items));

    private static string F(float v) => v.ToString("R", CultureInfo.InvariantCulture);
}

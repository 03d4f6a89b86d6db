using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Flight.Formats;
using DxGeo.Flight.Missions;

namespace DxGeo.Mavlink.Plans;

/// <summary>
/// Reads what a ground station flies: QGroundControl <c>.plan</c> files (mission simple items, the items generated
/// inside survey/corridor complex items, geofence polygons and circles, rally points) and QGC WPL 110 waypoint files.
/// </summary>
public static class PlanFileReader
{
    public static FlightPlan Read(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("file not found", path);
        return Parse(File.ReadAllText(path), path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses a QGC .plan (JSON) or QGC WPL text held elsewhere (e.g. a stored plan); <paramref name="source"/>
    /// names it in errors, <paramref name="id"/> becomes the planned flight id.</summary>
    public static FlightPlan Parse(string text, string source, string id)
    {
        var path = source;
        if (text.TrimStart().StartsWith("QGC WPL", StringComparison.Ordinal))
        {
            var wpl = WplFormat.Parse(text.Split('\n'), path);
            return new FlightPlan
            {
                Mission = wpl.Items, PlannedFlightId = id,
                Home = wpl.Home is { } h && (h.LatitudeDeg != 0 || h.LongitudeDeg != 0) ? (h.LatitudeDeg, h.LongitudeDeg, h.Z) : null,
            };
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            return ReadQgcPlan(doc.RootElement, path, id);
        }
        catch (JsonException e) { throw new InputDataException($"neither a QGC .plan (JSON) nor a QGC WPL file: {e.Message}", path); }
    }

    private static FlightPlan ReadQgcPlan(JsonElement root, string path, string id)
    {
        if (!root.TryGetProperty("mission", out var mission) || !mission.TryGetProperty("items", out var items))
            throw new InputDataException("not a QGroundControl plan: no mission.items", path, field: "mission");
        var list = new List<MissionItem>();
        var index = 0;
        foreach (var item in items.EnumerateArray()) Collect(item, list, path, ref index);

        var fence = new List<MissionItem>();
        if (root.TryGetProperty("geoFence", out var gf))
        {
            if (gf.TryGetProperty("polygons", out var polys))
                foreach (var p in polys.EnumerateArray())
                {
                    var ring = p.GetProperty("polygon").EnumerateArray().Select(v => (v[0].GetDouble(), v[1].GetDouble())).ToList();
                    fence.AddRange(FenceItems.Polygon(ring, !p.TryGetProperty("inclusion", out var inc) || inc.GetBoolean()));
                }
            if (gf.TryGetProperty("circles", out var circles))
                foreach (var c in circles.EnumerateArray())
                {
                    var circle = c.GetProperty("circle");
                    var center = circle.GetProperty("center");
                    fence.Add(FenceItems.Circle(center[0].GetDouble(), center[1].GetDouble(), circle.GetProperty("radius").GetDouble(),
                        !c.TryGetProperty("inclusion", out var inc) || inc.GetBoolean()));
                }
        }
        var rally = new List<MissionItem>();
        if (root.TryGetProperty("rallyPoints", out var rp) && rp.TryGetProperty("points", out var pts))
            foreach (var p in pts.EnumerateArray())
                rally.Add(new MissionItem
                {
                    Command = MavCmd.NavRallyPoint, Frame = MavFrame.GlobalRelativeAlt, LatitudeDeg = p[0].GetDouble(),
                    LongitudeDeg = p[1].GetDouble(), Z = (float)p[2].GetDouble(), MissionType = MissionType.Rally,
                });
        (double, double, double)? home = mission.TryGetProperty("plannedHomePosition", out var hp) && hp.ValueKind == JsonValueKind.Array
            ? (hp[0].GetDouble(), hp[1].GetDouble(), hp[2].GetDouble()) : null;
        return new FlightPlan
        {
            Mission = [.. list.Select((it, i) => it with { Seq = i })], Fence = FenceItems.Numbered(fence),
            Rally = [.. rally.Select((it, i) => it with { Seq = i })], Home = home, PlannedFlightId = id,
        };
    }

    private static void Collect(JsonElement item, List<MissionItem> list, string path, ref int index)
    {
        var type = item.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "ComplexItem")
        {
            // Survey, corridor and structure scans keep the items they generated under TransectStyleComplexItem.Items.
            if (item.TryGetProperty("TransectStyleComplexItem", out var ts) && ts.TryGetProperty("Items", out var inner))
                foreach (var i in inner.EnumerateArray()) Collect(i, list, path, ref index);
            else throw new InputDataException($"complex item '{(item.TryGetProperty("complexItemType", out var k) ? k.GetString() : "?")}' carries no generated items", path, index, field: "TransectStyleComplexItem");
            return;
        }
        if (type != "SimpleItem") throw new InputDataException($"unknown item type '{type}'", path, index, field: "type");
        var p = item.GetProperty("params");
        float P(int i) => p.GetArrayLength() > i && p[i].ValueKind == JsonValueKind.Number ? p[i].GetSingle() : float.NaN;
        double Pd(int i) => p.GetArrayLength() > i && p[i].ValueKind == JsonValueKind.Number ? p[i].GetDouble() : 0;
        list.Add(new MissionItem
        {
            Command = (MavCmd)item.GetProperty("command").GetUInt16(), Frame = (MavFrame)item.GetProperty("frame").GetByte(),
            Autocontinue = !item.TryGetProperty("autoContinue", out var ac) || ac.GetBoolean(),
            Param1 = P(0), Param2 = P(1), Param3 = P(2), Param4 = P(3), LatitudeDeg = Pd(4), LongitudeDeg = Pd(5), Z = (float)Pd(6),
        });
        index++;
    }
}

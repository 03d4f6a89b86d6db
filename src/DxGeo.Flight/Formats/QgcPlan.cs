using System.Text.Json;
using System.Text.Json.Nodes;
using DxGeo.Core.Errors;
using DxGeo.Flight.Missions;

namespace DxGeo.Flight.Formats;

/// <summary>
/// QGroundControl <c>.plan</c> files (JSON, fileType "Plan", version 1): mission v2 with plannedHomePosition,
/// cruise/hover speed, firmware and vehicle type and SimpleItems; geoFence v2 with inclusion/exclusion polygons
/// (clockwise, as QGC writes them) and circles; rallyPoints v2. Reading also flattens the items QGC keeps inside
/// survey and corridor ComplexItems. Frames are written with QGC's classic numbers (3 for relative altitude) and read
/// back as the MISSION_ITEM_INT frames <see cref="MissionItem"/> uses, so write → read returns the same items.
/// </summary>
public static class QgcPlan
{
    public static FlightPlanFile Read(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("file not found", file: path);
        return Parse(File.ReadAllText(path), path);
    }

    public static FlightPlanFile Parse(string json, string source = ".plan")
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InputDataException($"not valid JSON: {e.Message}", file: source, inner: e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("fileType", out var ft) || ft.GetString() != "Plan")
                throw new InputDataException("not a QGroundControl plan: fileType must be \"Plan\"", file: source, field: "fileType");
            if (!root.TryGetProperty("mission", out var mission) || mission.ValueKind != JsonValueKind.Object)
                throw new InputDataException("no mission object", file: source, field: "mission");
            if (!mission.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                throw new InputDataException("no mission items", file: source, field: "mission.items");
            var list = new List<MissionItem>();
            var index = 0;
            foreach (var item in items.EnumerateArray()) Collect(item, list, source, ref index);

            (double, double, double)? home = null;
            if (mission.TryGetProperty("plannedHomePosition", out var hp) && hp.ValueKind == JsonValueKind.Array && hp.GetArrayLength() >= 2)
                home = (hp[0].GetDouble(), hp[1].GetDouble(), hp.GetArrayLength() > 2 && hp[2].ValueKind == JsonValueKind.Number ? hp[2].GetDouble() : 0);

            var polygons = new List<FencePolygon>();
            var circles = new List<FenceCircle>();
            if (root.TryGetProperty("geoFence", out var gf) && gf.ValueKind == JsonValueKind.Object)
            {
                if (gf.TryGetProperty("polygons", out var polys))
                    foreach (var p in polys.EnumerateArray())
                    {
                        var ring = p.GetProperty("polygon").EnumerateArray().Select(v => (v[0].GetDouble(), v[1].GetDouble())).ToList();
                        if (ring.Count > 1 && ring[0] == ring[^1]) ring.RemoveAt(ring.Count - 1);
                        if (ring.Count < 3) throw new InputDataException($"a fence polygon needs 3 vertices, got {ring.Count}", file: source, field: "geoFence.polygons");
                        polygons.Add(new FencePolygon(!p.TryGetProperty("inclusion", out var inc) || inc.GetBoolean(), ring));
                    }
                if (gf.TryGetProperty("circles", out var circ))
                    foreach (var c in circ.EnumerateArray())
                    {
                        var circle = c.GetProperty("circle");
                        var centre = circle.GetProperty("center");
                        circles.Add(new FenceCircle(!c.TryGetProperty("inclusion", out var inc) || inc.GetBoolean(),
                            centre[0].GetDouble(), centre[1].GetDouble(), circle.GetProperty("radius").GetDouble()));
                    }
            }
            var rally = new List<(double, double, double)>();
            if (root.TryGetProperty("rallyPoints", out var rp) && rp.TryGetProperty("points", out var pts))
                foreach (var p in pts.EnumerateArray())
                    rally.Add((p[0].GetDouble(), p[1].GetDouble(), p.GetArrayLength() > 2 ? p[2].GetDouble() : 0));

            double Num(string name, double dflt) => mission.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : dflt;
            return new FlightPlanFile
            {
                Mission = list.Select((it, i) => it with { Seq = i }).ToList(), FencePolygons = polygons, FenceCircles = circles,
                RallyPoints = rally, Home = home, CruiseSpeedMps = Num("cruiseSpeed", 15), HoverSpeedMps = Num("hoverSpeed", 5),
                FirmwareType = (byte)Num("firmwareType", 0), VehicleType = (byte)Num("vehicleType", 2),
            };
        }
    }

    private static void Collect(JsonElement item, List<MissionItem> list, string source, ref int index)
    {
        var type = item.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "ComplexItem")
        {
            // Surveys and corridor scans keep the items QGC generated for them; structure scans do not.
            if (item.TryGetProperty("TransectStyleComplexItem", out var ts) && ts.TryGetProperty("Items", out var inner))
                foreach (var i in inner.EnumerateArray()) Collect(i, list, source, ref index);
            else
                throw new InputDataException(
                    $"complex item '{(item.TryGetProperty("complexItemType", out var k) ? k.GetString() : "?")}' carries no generated items (open and save it in QGroundControl first)",
                    file: source, featureIndex: index, field: "mission.items");
            return;
        }
        if (type != "SimpleItem") throw new InputDataException($"unknown item type '{type}'", file: source, featureIndex: index, field: "type");
        if (!item.TryGetProperty("params", out var p) || p.ValueKind != JsonValueKind.Array || p.GetArrayLength() != 7)
            throw new InputDataException("params must be an array of 7 values", file: source, featureIndex: index, field: "params");
        double P(int i) => p[i].ValueKind == JsonValueKind.Number ? p[i].GetDouble() : double.NaN;
        if (!item.TryGetProperty("command", out var cmd) || !cmd.TryGetUInt16(out var command))
            throw new InputDataException("command missing", file: source, featureIndex: index, field: "command");
        list.Add(new MissionItem
        {
            Command = (MavCmd)command,
            Frame = MissionFrames.FromFile((MavFrame)(item.TryGetProperty("frame", out var fr) ? fr.GetByte() : (byte)MavFrame.Mission)),
            Autocontinue = !item.TryGetProperty("autoContinue", out var ac) || ac.GetBoolean(),
            Param1 = (float)P(0), Param2 = (float)P(1), Param3 = (float)P(2), Param4 = (float)P(3),
            LatitudeDeg = double.IsNaN(P(4)) ? 0 : P(4), LongitudeDeg = double.IsNaN(P(5)) ? 0 : P(5), Z = double.IsNaN(P(6)) ? 0 : (float)P(6),
        });
        index++;
    }

    public static void Write(string path, FlightPlanFile plan) => File.WriteAllText(path, Format(plan));

    public static string Format(FlightPlanFile plan)
    {
        var items = new JsonArray();
        for (var i = 0; i < plan.Mission.Count; i++)
        {
            var it = plan.Mission[i];
            var frame = MissionFrames.ToFile(it.Frame);
            var o = new JsonObject();
            if (IsPositional(it.Frame))
            {
                o["AMSLAltAboveTerrain"] = null;
                o["Altitude"] = Num(it.Z);
                o["AltitudeMode"] = frame == MavFrame.GlobalRelativeAlt ? 1 : 2; // 1 relative to launch, 2 AMSL
            }
            o["autoContinue"] = it.Autocontinue;
            o["command"] = (int)it.Command;
            o["doJumpId"] = i + 1;
            o["frame"] = (int)frame;
            o["params"] = new JsonArray(Num(it.Param1), Num(it.Param2), Num(it.Param3), Num(it.Param4),
                Num(it.LatitudeDeg), Num(it.LongitudeDeg), Num(it.Z));
            o["type"] = "SimpleItem";
            items.Add(o);
        }
        var home = plan.Home ?? (0, 0, 0);
        var polygons = new JsonArray();
        foreach (var p in plan.FencePolygons)
        {
            var ring = new JsonArray();
            foreach (var (lat, lon) in Clockwise(p.Vertices)) ring.Add(new JsonArray(lat, lon));
            polygons.Add(new JsonObject { ["inclusion"] = p.Inclusion, ["polygon"] = ring, ["version"] = 1 });
        }
        var circles = new JsonArray();
        foreach (var c in plan.FenceCircles)
            circles.Add(new JsonObject
            {
                ["circle"] = new JsonObject { ["center"] = new JsonArray(c.LatDeg, c.LonDeg), ["radius"] = c.RadiusM },
                ["inclusion"] = c.Inclusion, ["version"] = 1,
            });
        var rally = new JsonArray();
        foreach (var (lat, lon, alt) in plan.RallyPoints) rally.Add(new JsonArray(lat, lon, alt));
        var root = new JsonObject
        {
            ["fileType"] = "Plan",
            ["geoFence"] = new JsonObject { ["circles"] = circles, ["polygons"] = polygons, ["version"] = 2 },
            ["groundStation"] = "DxGeo",
            ["mission"] = new JsonObject
            {
                ["cruiseSpeed"] = plan.CruiseSpeedMps, ["firmwareType"] = plan.FirmwareType, ["globalPlanAltitudeMode"] = 1,
                ["hoverSpeed"] = plan.HoverSpeedMps, ["items"] = items,
                ["plannedHomePosition"] = new JsonArray(home.LatDeg, home.LonDeg, home.AltM),
                ["vehicleType"] = plan.VehicleType, ["version"] = 2,
            },
            ["rallyPoints"] = new JsonObject { ["points"] = rally, ["version"] = 2 },
            ["version"] = 1,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static bool IsPositional(MavFrame f) => f is MavFrame.GlobalRelativeAltInt or MavFrame.GlobalInt or MavFrame.GlobalTerrainAltInt
        or MavFrame.GlobalRelativeAlt or MavFrame.Global;

    /// <summary>NaN as null (QGC's convention for "unchanged"); floats widened without their binary noise.</summary>
    private static JsonNode? Num(float v) => float.IsNaN(v) ? null : JsonValue.Create(double.Parse(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
    private static JsonNode? Num(double v) => double.IsNaN(v) ? null : JsonValue.Create(v);

    private static IEnumerable<(double Lat, double Lon)> Clockwise(IReadOnlyList<(double LatDeg, double LonDeg)> ring)
    {
        // Shoelace in (x = lon, y = lat): positive area is counter-clockwise.
        double a = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (lat1, lon1) = ring[i];
            var (lat2, lon2) = ring[(i + 1) % ring.Count];
            a += lon1 * lat2 - lon2 * lat1;
        }
        return a > 0 ? ring.Reverse() : ring;
    }
}

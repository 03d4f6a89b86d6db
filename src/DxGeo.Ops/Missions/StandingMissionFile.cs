using System.Text.Json;
using DxGeo.Core.Errors;
using DxGeo.Core.Workspace;
using DxGeo.Flight.Storage;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Plans;
using DxGeo.Ops.Gate;
using DxGeo.Ops.Triggers;

namespace DxGeo.Ops.Missions;

/// <summary>
/// Reads a standing-mission definition (JSON; see docs/ops.md). <c>plan</c> is a plan id or plan name in the
/// workspace's planned_flights (newest plan of that name; <c>sortie</c> picks the battery, default 1) or a path to a
/// .plan/.waypoints file relative to the definition. The plan's text is copied into the mission.
/// </summary>
public static class StandingMissionFile
{
    public static StandingMission Read(string path, IWorkspace? ws, DateTimeOffset? now = null)
    {
        if (!File.Exists(path)) throw new InputDataException("standing mission definition not found", path);
        return Parse(File.ReadAllText(path), path, ws, now);
    }

    public static StandingMission Parse(string text, string source, IWorkspace? ws, DateTimeOffset? now = null)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { throw new InputDataException($"invalid JSON: {e.Message}", source); }
        using var _ = doc;
        var r = doc.RootElement;
        var name = Str(r, "name", source) ?? throw Missing(source, "name");
        var planRef = Str(r, "plan", source) ?? throw Missing(source, "plan");
        var sortie = r.TryGetProperty("sortie", out var so) ? so.GetInt32() : 1;
        var (planId, planJson) = ResolvePlan(planRef, sortie, source, ws);
        var plan = PlanFileReader.Parse(planJson, source, planId);
        var first = plan.Mission.FirstOrDefault(i => i.LatitudeDeg != 0 || i.LongitudeDeg != 0)
            ?? throw new InputDataException($"plan '{planRef}' has no positioned item", source, field: "plan");
        var (lon, lat, alt) = plan.Home is { } h ? (h.LonDeg, h.LatDeg, h.AltM) : (first.LongitudeDeg, first.LatitudeDeg, 0.0);
        if (r.TryGetProperty("launch", out var l))
        {
            lon = Num(l, "lon", source, "launch.lon") ?? lon;
            lat = Num(l, "lat", source, "launch.lat") ?? lat;
            alt = Num(l, "altAmslM", source, "launch.altAmslM") ?? alt;
        }
        if (!r.TryGetProperty("trigger", out var t)) throw Missing(source, "trigger");
        var areas = Strings(t, "areas", source);
        if (areas.Count == 0) throw new InputDataException("a trigger needs at least one area code or name", source, field: "trigger.areas");
        var minLevelText = Str(t, "minLevel", source) ?? "warning";
        var trigger = new TriggerMatch
        {
            Areas = areas, Kinds = Strings(t, "kinds", source),
            MinLevel = AlertParser.LevelFromName(minLevelText) ?? throw new InputDataException($"unknown level '{minLevelText}'", source, field: "trigger.minLevel"),
        };
        var gate = new GateLimits();
        if (r.TryGetProperty("gate", out var g))
            gate = gate with
            {
                MaxWindMps = Num(g, "maxWindMps", source, "gate.maxWindMps") ?? gate.MaxWindMps,
                MaxGustMps = Num(g, "maxGustMps", source, "gate.maxGustMps") ?? gate.MaxGustMps,
                MaxPrecipitationMmPerH = Num(g, "maxPrecipitationMmPerH", source, "gate.maxPrecipitationMmPerH") ?? gate.MaxPrecipitationMmPerH,
                MinBatteryPct = Num(g, "minBatteryPct", source, "gate.minBatteryPct") ?? gate.MinBatteryPct,
                MinSatellites = (int)(Num(g, "minSatellites", source, "gate.minSatellites") ?? gate.MinSatellites),
                MinGpsFix = Str(g, "minGpsFix", source) is { } fix ? Fix(fix, source) : gate.MinGpsFix,
                RequireEkfHealthy = !g.TryGetProperty("requireEkf", out var e) || e.GetBoolean(),
                RequireGeofence = !g.TryGetProperty("requireGeofence", out var fe) || fe.GetBoolean(),
                InFlightMaxWindMps = Num(g, "inFlightMaxWindMps", source, "gate.inFlightMaxWindMps"),
            };
        var payload = new List<PayloadAction>();
        if (r.TryGetProperty("payload", out var p))
        {
            var i = 0;
            foreach (var a in p.EnumerateArray())
            {
                var at = a.TryGetProperty("at", out var atv) ? atv : throw new InputDataException("missing", source, i, field: "payload.at");
                var wp = atv.ValueKind == JsonValueKind.Number ? atv.GetInt32()
                    : atv.GetString() switch { "first" => 1, "last" => -1, var s => throw new InputDataException($"'{s}': use a waypoint number, \"first\" or \"last\"", source, i, field: "payload.at") };
                var kind = Str(a, "action", source) switch
                {
                    "relay_on" => PayloadKind.RelayOn, "relay_off" => PayloadKind.RelayOff, "servo" => PayloadKind.Servo, "camera" => PayloadKind.CameraCapture,
                    var s => throw new InputDataException($"unknown action '{s}' (relay_on, relay_off, servo, camera)", source, i, field: "payload.action"),
                };
                payload.Add(new PayloadAction(wp, kind, (int)(Num(a, "channel", source, "payload.channel") ?? 0), (int)(Num(a, "pwmUs", source, "payload.pwmUs") ?? 0)));
                i++;
            }
        }
        var ret = Str(r, "return", source) ?? "rtl";
        return new StandingMission
        {
            Name = name, PlanId = planId, PlanJson = planJson, Link = Str(r, "link", source) ?? "sim",
            LaunchLonDeg = lon, LaunchLatDeg = lat, LaunchAltAmslM = alt, Trigger = trigger, Gate = gate, Payload = payload,
            Return = ret switch { "rtl" => ReturnBehaviour.Rtl, "land" => ReturnBehaviour.LandAtLaunch, _ => throw new InputDataException($"'{ret}': rtl or land", source, field: "return") },
            ReserveBatteryPct = Num(r, "reserveBatteryPct", source, "reserveBatteryPct") ?? 30,
            FenceRadiusM = Num(r, "fenceRadiusM", source, "fenceRadiusM"),
            CreatedUtc = now ?? DateTimeOffset.UtcNow,
        };
    }

    private static (string Id, string Json) ResolvePlan(string planRef, int sortie, string source, IWorkspace? ws)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
        var file = Path.IsPathRooted(planRef) ? planRef : Path.Combine(baseDir, planRef);
        if (File.Exists(file)) return (Path.GetFileName(file), File.ReadAllText(file));
        if (ws?.FindLayer(PlannedFlightsLayer.Name) is null)
            throw new InputDataException($"plan '{planRef}' is neither a file next to the definition nor a stored plan (workspace has no {PlannedFlightsLayer.Name})", source, field: "plan");
        var s = PlannedFlightsLayer.Schema;
        var rows = ws.Read(PlannedFlightsLayer.Name)
            .Where(f => Equals(f.Values[s.IndexOf("plan_id")], planRef) || Equals(f.Values[s.IndexOf("plan_name")], planRef))
            .Where(f => (long)f.Values[s.IndexOf("sortie")]! == sortie)
            .OrderByDescending(f => (DateTimeOffset)f.Values[s.IndexOf("created_at")]!).ToList();
        if (rows.Count == 0) throw new InputDataException($"no stored plan with id or name '{planRef}' and sortie {sortie} in {ws.Location}", source, field: "plan");
        return ((string)rows[0].Values[s.IndexOf("plan_id")]!, (string)rows[0].Values[s.IndexOf("plan_json")]!);
    }

    private static GpsFixType Fix(string s, string source) => s switch
    {
        "none" => GpsFixType.NoFix, "2d" => GpsFixType.Fix2D, "3d" => GpsFixType.Fix3D, "rtk" => GpsFixType.RtkFixed,
        _ => throw new InputDataException($"'{s}': none, 2d, 3d or rtk", source, field: "gate.minGpsFix"),
    };

    private static InputDataException Missing(string source, string field) => new("missing", source, field: field);

    private static string? Str(JsonElement e, string f, string source) =>
        !e.TryGetProperty(f, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString() : throw new InputDataException("must be a string", source, field: f);

    private static double? Num(JsonElement e, string f, string source, string path) =>
        !e.TryGetProperty(f, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new InputDataException("must be a number", source, field: path);

    private static IReadOnlyList<string> Strings(JsonElement e, string f, string source) =>
        !e.TryGetProperty(f, out var v) ? []
        : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.ToString())]
        : throw new InputDataException("must be an array", source, field: f);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Ops.Missions;

/// <summary>Standing missions in the workspace (<see cref="StandingMissionsLayer"/>), by unique name.</summary>
public static class StandingMissionStore
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() }, WriteIndented = false,
    };

    /// <summary>Validates (the mission must assemble) and stores; an existing name is an error unless <paramref name="replace"/>.</summary>
    public static void Add(IWorkspace ws, StandingMission m, bool replace = false)
    {
        var assembled = MissionAssembly.Build(m); // throws on a plan that cannot fly
        var existing = Find(ws, m.Name);
        if (existing is not null && !replace) throw new DxGeoException($"a standing mission named '{m.Name}' already exists in {ws.Location} (remove it first or replace)");
        var s = StandingMissionsLayer.Schema;
        var row = new FeatureRecord(assembled.Route,
        [
            m.Name, m.PlanId, m.Link, m.LaunchLonDeg, m.LaunchLatDeg, string.Join(",", m.Trigger.Kinds), string.Join(",", m.Trigger.Areas),
            m.Trigger.MinLevel.ToString(), m.Gate.MaxWindMps, m.ReserveBatteryPct, m.CreatedUtc.ToUniversalTime(),
            JsonSerializer.Serialize(m with { PlanJson = "" }, Json), m.PlanJson,
        ]);
        using var w = ws.BeginWrite();
        if (ws.FindLayer(s.Name) is null) w.CreateLayer(s);
        if (existing is not null) w.Delete(s.Name, existing.Value.Fid);
        w.Insert(s.Name, row);
        w.Commit();
    }

    public static IReadOnlyList<StandingMission> List(IWorkspace ws)
    {
        if (ws.FindLayer(StandingMissionsLayer.Name) is null) return [];
        return [.. ws.Read(StandingMissionsLayer.Name).Select(Parse).OrderBy(m => m.Name, StringComparer.Ordinal)];
    }

    public static StandingMission? Get(IWorkspace ws, string name) => Find(ws, name)?.Mission;

    /// <summary>Removes the mission; false when there was none of that name.</summary>
    public static bool Remove(IWorkspace ws, string name)
    {
        if (Find(ws, name) is not { } found) return false;
        using var w = ws.BeginWrite();
        w.Delete(StandingMissionsLayer.Name, found.Fid);
        w.Commit();
        return true;
    }

    private static (long Fid, StandingMission Mission)? Find(IWorkspace ws, string name)
    {
        if (ws.FindLayer(StandingMissionsLayer.Name) is null) return null;
        var q = new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["name"] = name } };
        var f = ws.Read(StandingMissionsLayer.Name, q).FirstOrDefault();
        return f is null ? null : (f.Fid!.Value, Parse(f));
    }

    private static StandingMission Parse(FeatureRecord f)
    {
        var s = StandingMissionsLayer.Schema;
        var json = (string)f.Values[s.IndexOf("definition_json")]!;
        var m = JsonSerializer.Deserialize<StandingMission>(json, Json)
            ?? throw new DxGeoException($"{StandingMissionsLayer.Name} feature {f.Fid}: empty definition_json");
        return m with { PlanJson = (string)f.Values[s.IndexOf("plan_json")]! };
    }
}

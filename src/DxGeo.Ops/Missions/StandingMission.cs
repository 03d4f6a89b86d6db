using DxGeo.Ops.Gate;
using DxGeo.Ops.Triggers;

namespace DxGeo.Ops.Missions;

/// <summary>Which alerts launch a mission: any of <see cref="Kinds"/> (empty: any kind), at or above
/// <see cref="MinLevel"/>, for one of <see cref="Areas"/> (area codes or names, matched exactly).</summary>
public sealed record TriggerMatch
{
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public required IReadOnlyList<string> Areas { get; init; }
    public AlertLevel MinLevel { get; init; } = AlertLevel.Warning;

    /// <summary>The matching area of the alert, or null.</summary>
    public AlertArea? Match(Alert alert)
    {
        if (alert.IsCancellation || alert.IsTest) return null;
        if (Kinds.Count > 0 && !Kinds.Contains(alert.Kind, StringComparer.OrdinalIgnoreCase)) return null;
        return alert.Areas.FirstOrDefault(a => (a.Level ?? alert.Level) >= MinLevel &&
            Areas.Any(x => string.Equals(x, a.Code, StringComparison.Ordinal) || string.Equals(x, a.Name, StringComparison.Ordinal)));
    }
}

public enum PayloadKind { RelayOn, RelayOff, Servo, CameraCapture }

/// <summary>A payload action done by the vehicle itself when it reaches route waypoint <see cref="AtWaypoint"/>
/// (1-based among the plan's NAV_WAYPOINTs; -1 the last), so it happens even when the link is down.</summary>
public sealed record PayloadAction(int AtWaypoint, PayloadKind Kind, int Channel = 0, int PwmUs = 0);

public enum ReturnBehaviour { Rtl, LandAtLaunch }

/// <summary>
/// A mission that waits for its trigger: a stored plan (the QGC plan text is kept with the mission, so what was
/// approved is what flies), the vehicle link, the launch point, the trigger, the gate limits, payload actions and how
/// it comes back.
/// </summary>
public sealed record StandingMission
{
    public required string Name { get; init; }
    /// <summary>planned_flights plan id (or the plan file) this mission was made from.</summary>
    public required string PlanId { get; init; }
    public required string PlanJson { get; init; }
    /// <summary>Connection string (tcp://…, udp://…, serial://…) or <c>sim</c> for the built-in simulator.</summary>
    public required string Link { get; init; }
    public required double LaunchLonDeg { get; init; }
    public required double LaunchLatDeg { get; init; }
    public double LaunchAltAmslM { get; init; }
    public required TriggerMatch Trigger { get; init; }
    public GateLimits Gate { get; init; } = new();
    public IReadOnlyList<PayloadAction> Payload { get; init; } = [];
    public ReturnBehaviour Return { get; init; } = ReturnBehaviour.Rtl;
    /// <summary>In flight: below this charge the vehicle is sent home.</summary>
    public double ReserveBatteryPct { get; init; } = 30;
    /// <summary>Inclusion circle around the launch point uploaded when the plan has no fence (null: farthest waypoint + 100 m).</summary>
    public double? FenceRadiusM { get; init; }
    public DateTimeOffset CreatedUtc { get; init; }
}

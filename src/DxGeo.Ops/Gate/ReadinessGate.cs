using System.Globalization;
using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Weather;

namespace DxGeo.Ops.Gate;

/// <summary>
/// The go/no-go before arming: weather (wind, gusts, precipitation, age of the observation) and the vehicle's own report
/// (battery, GPS fix and satellites from GPS_RAW_INT; EKF/AHRS health, geofence enabled and pre-arm checks from the
/// SYS_STATUS sensor bits). Missing information is a no-go: the gate never assumes.
/// </summary>
public static class ReadinessGate
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static GateDecision Evaluate(GateLimits limits, WeatherObservation? weather, string? weatherError, VehicleState vehicle, DateTimeOffset now)
    {
        var checks = new List<GateCheck>();
        if (weather is null)
            checks.Add(new("weather", false, "none", "an observation", $"no weather observation: {weatherError ?? "source gave nothing"}"));
        else
        {
            var age = now - weather.ObservedUtc;
            checks.Add(Check("weather_age", age <= limits.MaxObservationAge, $"{age.TotalMinutes:F0} min", $"≤ {limits.MaxObservationAge.TotalMinutes:F0} min",
                $"weather observation from {weather.Station} is {age.TotalMinutes:F0} min old"));
            checks.Add(Check("wind", weather.WindMps <= limits.MaxWindMps, F(weather.WindMps, "m/s"), $"≤ {F(limits.MaxWindMps, "m/s")}",
                $"wind {F(weather.WindMps, "m/s")} above limit {F(limits.MaxWindMps, "m/s")}"));
            checks.Add(Check("gust", weather.GustMps <= limits.MaxGustMps, F(weather.GustMps, "m/s"), $"≤ {F(limits.MaxGustMps, "m/s")}",
                $"gusts {F(weather.GustMps, "m/s")} above limit {F(limits.MaxGustMps, "m/s")}"));
            checks.Add(Check("precipitation", weather.PrecipitationMmPerH <= limits.MaxPrecipitationMmPerH, F(weather.PrecipitationMmPerH, "mm/h"),
                $"≤ {F(limits.MaxPrecipitationMmPerH, "mm/h")}", $"precipitation {F(weather.PrecipitationMmPerH, "mm/h")} above limit {F(limits.MaxPrecipitationMmPerH, "mm/h")}"));
        }
        checks.Add(vehicle.BatteryPct is { } b
            ? Check("battery", b >= limits.MinBatteryPct, F(b, "%"), $"≥ {F(limits.MinBatteryPct, "%")}", $"battery {F(b, "%")} below {F(limits.MinBatteryPct, "%")}")
            : new("battery", false, "unknown", $"≥ {F(limits.MinBatteryPct, "%")}", "battery level not reported"));
        checks.Add(Check("gps_fix", vehicle.GpsFix >= limits.MinGpsFix, vehicle.GpsFix.ToString(), $"≥ {limits.MinGpsFix}",
            $"GPS fix {Describe(vehicle.GpsFix)}, {limits.MinGpsFix} needed"));
        checks.Add(Check("satellites", vehicle.Satellites >= limits.MinSatellites, vehicle.Satellites.ToString(Inv), $"≥ {limits.MinSatellites}",
            $"{vehicle.Satellites} satellites, {limits.MinSatellites} needed"));
        if (!vehicle.HasSysStatus)
        {
            checks.Add(new("vehicle_health", false, "unknown", "SYS_STATUS", "vehicle sends no SYS_STATUS: EKF, geofence and pre-arm state unknown"));
            return new GateDecision(checks);
        }
        if (limits.RequireEkfHealthy)
            checks.Add(Check("ekf", Healthy(vehicle, MavSysStatusSensor.Ahrs), Healthy(vehicle, MavSysStatusSensor.Ahrs) ? "healthy" : "unhealthy", "healthy",
                "EKF/AHRS not healthy"));
        if (limits.RequireGeofence)
        {
            var fence = vehicle.SensorsEnabled.HasFlag(MavSysStatusSensor.Geofence);
            checks.Add(Check("geofence", fence, fence ? "loaded" : "none", "loaded and enabled", "no geofence loaded and enabled on the vehicle"));
        }
        var armable = Healthy(vehicle, MavSysStatusSensor.PrearmCheck);
        checks.Add(Check("armable", armable, armable ? "pre-arm checks pass" : "pre-arm checks fail", "pass",
            $"vehicle not armable: {vehicle.LastStatusText ?? Unhealthy(vehicle)}"));
        return new GateDecision(checks);
    }

    /// <summary>The enabled sensors the vehicle reports unhealthy, in words.</summary>
    private static string Unhealthy(VehicleState v)
    {
        var bad = Enum.GetValues<MavSysStatusSensor>().Where(s => s is not (MavSysStatusSensor.None or MavSysStatusSensor.PrearmCheck)
            && v.SensorsEnabled.HasFlag(s) && !v.SensorsHealth.HasFlag(s)).ToList();
        return bad.Count == 0 ? "pre-arm checks fail" : $"pre-arm checks fail ({string.Join(", ", bad)} unhealthy)";
    }

    private static bool Healthy(VehicleState v, MavSysStatusSensor s) => !v.SensorsPresent.HasFlag(s) || (v.SensorsEnabled.HasFlag(s) && v.SensorsHealth.HasFlag(s));

    private static GateCheck Check(string name, bool go, string measured, string limit, string noGoReason) =>
        new(name, go, measured, limit, go ? $"{name} {measured} ok ({limit})" : noGoReason);

    private static string F(double v, string unit) => string.Create(Inv, $"{v:0.#} {unit}");

    private static string Describe(GpsFixType f) => f switch
    {
        GpsFixType.NoGps => "none (no GPS)", GpsFixType.NoFix => "none", GpsFixType.Fix2D => "2D", _ => f.ToString(),
    };
}

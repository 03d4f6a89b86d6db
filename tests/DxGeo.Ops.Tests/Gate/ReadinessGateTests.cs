using DxGeo.Mavlink.Messages;
using DxGeo.Mavlink.Vehicle;
using DxGeo.Ops.Gate;
using DxGeo.Ops.Weather;

namespace DxGeo.Ops.Tests.Gate;

public sealed class ReadinessGateTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-25T05:00:00Z");
    private const MavSysStatusSensor All = MavSysStatusSensor.Ahrs | MavSysStatusSensor.Geofence | MavSysStatusSensor.PrearmCheck | MavSysStatusSensor.Gps;

    private static readonly VehicleState Ready = new()
    {
        BatteryPct = 95, GpsFix = GpsFixType.Fix3D, Satellites = 12, HasSysStatus = true,
        SensorsPresent = All, SensorsEnabled = All, SensorsHealth = All,
    };

    private static readonly WeatherObservation Calm = new(Now.AddMinutes(-5), 4, 6, 0, "test");

    [Fact]
    public void Every_check_passes_for_a_ready_vehicle_in_calm_weather()
    {
        var d = ReadinessGate.Evaluate(new GateLimits(), Calm, null, Ready, Now);
        Assert.True(d.Go, d.Reason);
        Assert.Equal(["weather_age", "wind", "gust", "precipitation", "battery", "gps_fix", "satellites", "ekf", "geofence", "armable"], d.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Each_failing_check_is_named_in_the_reason()
    {
        var v = Ready with { SensorsHealth = All & ~MavSysStatusSensor.Ahrs, SensorsEnabled = All & ~MavSysStatusSensor.Geofence, Satellites = 5 };
        var d = ReadinessGate.Evaluate(new GateLimits(), Calm with { GustMps = 18, PrecipitationMmPerH = 12 }, null, v, Now);
        Assert.False(d.Go);
        Assert.Equal(["gust", "precipitation", "satellites", "ekf", "geofence"], d.Checks.Where(c => !c.Go).Select(c => c.Name));
        Assert.Contains("gusts 18 m/s above limit 15 m/s", d.Reason);
        Assert.Contains("precipitation 12 mm/h above limit 10 mm/h", d.Reason);
    }

    [Fact]
    public void Missing_or_stale_information_is_a_no_go()
    {
        Assert.Contains("no weather observation: station down", ReadinessGate.Evaluate(new GateLimits(), null, "station down", Ready, Now).Reason);
        Assert.Contains("45 min old", ReadinessGate.Evaluate(new GateLimits(), Calm with { ObservedUtc = Now.AddMinutes(-45) }, null, Ready, Now).Reason);
        Assert.Contains("battery level not reported", ReadinessGate.Evaluate(new GateLimits(), Calm, null, Ready with { BatteryPct = null }, Now).Reason);
        Assert.Contains("sends no SYS_STATUS", ReadinessGate.Evaluate(new GateLimits(), Calm, null, Ready with { HasSysStatus = false }, Now).Reason);
    }
}

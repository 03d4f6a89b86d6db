using System.Diagnostics;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Mavlink.FlightLog;

namespace DxGeo.Mavlink.Tests.FlightLog;

public class FlightLogGeoPackageTests
{
    [Fact]
    public void Flight_log_layers_are_read_by_gdal_as_a_line_track_and_point_samples()
    {
        var dir = Directory.CreateTempSubdirectory("dxgeo-flightlog-");
        var path = Path.Combine(dir.FullName, "ws.gpkg");
        try
        {
            var t0 = new DateTimeOffset(2025, 6, 1, 1, 0, 0, TimeSpan.Zero);
            var pts = Enumerable.Range(0, 20).Select(i => new FlightTrackPoint(t0.AddSeconds(i), 35.68 + i * 1e-4, 139.76 + i * 5e-5,
                40 + i * 0.1, 20 + i * 0.1, 8.5, 100 - i * 0.5, "Auto", true, i / 4)).ToList();
            var flight = new FlightRecord
            {
                FlightId = FlightRecord.NewId(t0, 1), PlannedFlightId = "levee-A1", VehicleSystemId = 1, Autopilot = "ArduPilot",
                StartedUtc = t0, EndedUtc = t0.AddSeconds(20), Points = pts, ItemsReached = 5, ItemsTotal = 5, ImagesCaptured = 7,
            };
            using (var ws = GeoPackageWorkspace.Create(path)) FlightLogWriter.Write(ws, flight);

            var info = Run("ogrinfo", "-ro", "-al", "-so", path);
            Assert.Contains("Layer name: flight_tracks", info);
            Assert.Contains("Geometry: Line String", info);
            Assert.Contains("Layer name: flight_track_points", info);
            Assert.Contains("Feature Count: 20", info);
            var track = Run("ogrinfo", "-ro", "-al", "-q", "-where", "flight_id='F20250601T010000Z-1'", path, "flight_tracks");
            Assert.Contains("planned_flight_id (String) = levee-A1", track);
            Assert.Contains("LINESTRING (139.76 35.68,", track);
            // Length: 19 segments of (11.1 m north, 4.5 m east) ≈ 19 × 11.98 m, measured in metres, not degrees.
            var length = flight.LengthM;
            Assert.InRange(length, 225, 230);
        }
        finally { dir.Delete(true); }
    }

    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException($"{tool} is not installed (apt-get install gdal-bin; scripts/test.sh does it)", e); }
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }
}

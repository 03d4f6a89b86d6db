using System.Text.Json;
using DxGeo.Flight.Planning;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace DxGeo.Flight.Formats;

/// <summary>
/// The plan as a GeoJSON FeatureCollection for maps (EPSG:4326, altitudes above launch as z): one feature per sortie
/// route, photo position, launch point, uncovered part, the geofence and the no-fly zones, each with a "kind".
/// </summary>
public static class PlanGeoJson
{
    public static void Write(string path, FlightPlan plan) => File.WriteAllText(path, Format(plan));

    public static string Format(FlightPlan plan)
    {
        var wgs = new GeometryFactory(new PrecisionModel(), 4326);
        var fc = new FeatureCollection();
        foreach (var s in plan.Sorties)
            fc.Add(new Feature(s.Route, new AttributesTable
            {
                { "kind", "route" }, { "plan", plan.Name }, { "sortie", s.Index }, { "launch", s.LaunchId },
                { "distance_m", Math.Round(s.DistanceM, 1) }, { "time_s", Math.Round(s.TimeS, 1) }, { "photos", s.PhotoCount },
                { "max_distance_from_launch_m", Math.Round(s.MaxDistanceFromLaunchM, 1) }, { "max_altitude_m", Math.Round(s.MaxAltitudeM, 1) },
                { "mission_items", s.Mission.Count },
            }));
        foreach (var s in plan.Sorties)
        {
            var sortie = plan.Metric.Sorties[s.Index - 1];
            foreach (var line in sortie.Lines)
            {
                var pass = plan.Passes[line.PassIndex];
                foreach (var p in line.Photos())
                {
                    var (lon, lat) = ToLonLat(plan, p.X, p.Y);
                    fc.Add(new Feature(wgs.CreatePoint(new CoordinateZ(lon, lat, line.AltitudeM)), new AttributesTable
                    {
                        { "kind", "photo" }, { "sortie", s.Index }, { "pass", pass.Name }, { "gsd_cm_per_px", Math.Round(pass.GsdCmPerPx, 4) },
                        { "gimbal_pitch_deg", line.GimbalPitchDeg }, { "heading_deg", Math.Round(line.HeadingDeg ?? line.TrackDeg, 1) },
                    }));
                }
            }
        }
        foreach (var l in plan.LaunchSites)
            fc.Add(new Feature(wgs.CreatePoint(new Coordinate(l.LonDeg, l.LatDeg)), new AttributesTable { { "kind", "launch" }, { "id", l.Id } }));
        foreach (var u in plan.Uncovered)
            fc.Add(new Feature(u.Geometry, new AttributesTable { { "kind", "uncovered" }, { "area_m2", Math.Round(u.AreaM2, 1) }, { "reason", u.Reason } }));
        fc.Add(new Feature(plan.Geofence, new AttributesTable { { "kind", "geofence" }, { "generated", plan.GeofenceGenerated } }));
        foreach (var z in plan.NoFlyZones)
            fc.Add(new Feature(z.Geometry, new AttributesTable
            {
                { "kind", "no_fly" }, { "id", z.ZoneId }, { "name", z.Name ?? "" }, { "margin_m", plan.NoFlyMarginM },
            }));
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        return JsonSerializer.Serialize(fc, options);
    }

    internal static (double Lon, double Lat) ToLonLat(FlightPlan plan, double x, double y) =>
        Core.Crs.MetricFrame.ForEpsg(plan.MetricEpsg).ToLonLat.Transform(x, y);
}

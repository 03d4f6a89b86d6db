using System.Globalization;
using System.Xml.Linq;
using DxGeo.Flight.Planning;
using NetTopologySuite.Geometries;

namespace DxGeo.Flight.Formats;

/// <summary>
/// The plan as KML 2.2 for Google Earth and GIS tools: a folder of sortie routes (altitudes relative to the ground),
/// launch points, uncovered parts, the geofence and the no-fly zones.
/// </summary>
public static class PlanKml
{
    private static readonly XNamespace K = "http://www.opengis.net/kml/2.2";

    public static void Write(string path, FlightPlan plan) => Document(plan).Save(path);

    public static XDocument Document(FlightPlan plan)
    {
        var c = CultureInfo.InvariantCulture;
        var routes = new XElement(K + "Folder", new XElement(K + "name", "Sorties"),
            plan.Sorties.Select(s => Placemark(
                $"Sortie {s.Index} from {s.LaunchId}",
                string.Create(c, $"{s.DistanceM / 1000:0.00} km, {s.TimeS / 60:0.0} min, {s.PhotoCount} photos, max {s.MaxDistanceFromLaunchM:0} m from launch"),
                new XElement(K + "LineString", new XElement(K + "altitudeMode", "relativeToGround"),
                    new XElement(K + "coordinates", Coords(s.Route.Coordinates, withZ: true))))));
        var launches = new XElement(K + "Folder", new XElement(K + "name", "Launch points"),
            plan.LaunchSites.Select(l => Placemark(l.Id, null,
                new XElement(K + "Point", new XElement(K + "coordinates", string.Create(c, $"{l.LonDeg:R},{l.LatDeg:R}"))))));
        var uncovered = new XElement(K + "Folder", new XElement(K + "name", "Not covered"),
            plan.Uncovered.SelectMany(u => Polygons(u.Geometry).Select(p => Placemark("Not covered", u.Reason, Polygon(p)))));
        var fence = new XElement(K + "Folder", new XElement(K + "name", "Geofence and no-fly zones"),
            Placemark(plan.GeofenceGenerated ? "Geofence (generated)" : "Geofence", null, Polygon(plan.Geofence)),
            plan.NoFlyZones.SelectMany(z => Polygons(z.Geometry).Select(p => Placemark($"No-fly {z.ZoneId}", z.Name, Polygon(p)))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(K + "kml", new XElement(K + "Document", new XElement(K + "name", plan.Name), routes, launches, uncovered, fence)));
    }

    private static XElement Placemark(string name, string? description, XElement geometry) =>
        new(K + "Placemark", new XElement(K + "name", name), description is null ? null : new XElement(K + "description", description), geometry);

    private static IEnumerable<Polygon> Polygons(Geometry g)
    {
        for (var i = 0; i < g.NumGeometries; i++)
            if (g.GetGeometryN(i) is Polygon p) yield return p;
    }

    private static XElement Polygon(Polygon p) => new(K + "Polygon",
        new XElement(K + "outerBoundaryIs", new XElement(K + "LinearRing", new XElement(K + "coordinates", Coords(p.ExteriorRing.Coordinates, false)))),
        p.InteriorRings.Select(h => new XElement(K + "innerBoundaryIs", new XElement(K + "LinearRing", new XElement(K + "coordinates", Coords(h.Coordinates, false))))));

    private static string Coords(Coordinate[] cs, bool withZ) => string.Join(" ", cs.Select(p => withZ && !double.IsNaN(p.Z)
        ? string.Create(CultureInfo.InvariantCulture, $"{p.X:R},{p.Y:R},{p.Z:0.##}")
        : string.Create(CultureInfo.InvariantCulture, $"{p.X:R},{p.Y:R}")));
}

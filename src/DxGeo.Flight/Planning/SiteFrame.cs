using System.Globalization;
using DxGeo.Core.Assets;
using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Flight.Constraints;
using DxGeo.Flight.Internal;
using DxGeo.Flight.Missions;
using DxGeo.Flight.Patterns;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace DxGeo.Flight.Planning;

/// <summary>
/// The CRS edge of planning: the site's metric frame, the no-fly zones and fence projected into it, launch points,
/// and the conversion of the metric plan back to lon/lat with its missions.
/// </summary>
internal sealed class SiteFrame
{
    private readonly GeometryFactory _f = new(new PrecisionModel(), 0);

    private SiteFrame(MetricFrame frame) => Frame = frame;

    public MetricFrame Frame { get; }
    public List<NoFlyArea> Zones { get; } = [];
    public List<NoFlyZone> ZonesLonLat { get; } = [];
    public NoFlyConstraint NoFly { get; private set; } = null!;
    public GeofenceConstraint? Fence { get; private set; }
    private Polygon? _fenceLonLat;

    public static SiteFrame For(Geometry targetLonLat, PlanRequest r)
    {
        var site = new SiteFrame(MetricFrame.For(targetLonLat));
        var reach = targetLonLat.EnvelopeInternal.Copy();
        reach.ExpandBy(0.1); // ~10 km: zones further away cannot matter to flights within radio range
        foreach (var z in r.NoFlyZones)
        {
            if (!z.Geometry.EnvelopeInternal.Intersects(reach)) continue;
            if (!z.Geometry.IsValid) throw new InputDataException("no-fly zone geometry is not valid", featureId: z.ZoneId, field: "geometry");
            site.Zones.Add(new NoFlyArea(z.ZoneId, site.Frame.Project((Geometry)z.Geometry), z.Name, z.Reason));
            site.ZonesLonLat.Add(z);
        }
        site.NoFly = new NoFlyConstraint(site.Zones, r.NoFlyMarginM, site._f);
        if (r.Geofence is { } fence)
        {
            var poly = fence as Polygon ?? (fence is MultiPolygon { NumGeometries: 1 } mp ? (Polygon)mp.GetGeometryN(0)
                : throw new DxGeoException($"the geofence must be one polygon (got {fence.GeometryType})"));
            GeometryChecks.ValidPolygonal(poly, "geofence");
            site._fenceLonLat = poly;
            site.Fence = new GeofenceConstraint(site.Frame.Project(poly), r.FenceInsetM);
        }
        return site;
    }

    public string Describe(Coordinate m)
    {
        var (lon, lat) = Frame.ToLonLat.Transform(m.X, m.Y);
        return string.Create(CultureInfo.InvariantCulture, $"lat {lat:0.000000}, lon {lon:0.000000}");
    }

    public List<LaunchPoint> Launches(PlanRequest r) => r.LaunchSites.Select(l =>
    {
        if (!(l.LonDeg is >= -180 and <= 180) || !(l.LatDeg is >= -90 and <= 90))
            throw new InputDataException($"launch point ({l.LonDeg}, {l.LatDeg}) is not lon/lat", featureId: l.Id);
        var (x, y) = Frame.ToMetric.Transform(l.LonDeg, l.LatDeg);
        return new LaunchPoint(l.Id, new Coordinate(x, y));
    }).ToList();

    /// <summary>Generated candidates that lie in clear airspace, named G1, G2…; the plan notes that they were generated.</summary>
    public List<LaunchPoint> Generated(List<Coordinate> points, List<string> notes)
    {
        var air = new Airspace(NoFly, Fence, _f);
        var list = points.Where(air.PointClear).Select((c, i) => new LaunchPoint($"G{i + 1}", c)).ToList();
        if (list.Count == 0) throw new DxGeoException("no launch point could be generated in clear airspace near the target: give candidate launch points");
        notes.Add($"no launch points given: {list.Count} candidates generated around the target (check ground access on site)");
        return list;
    }

    public FlightPlan Finish(PlanRequest r, SurveyPattern pattern, List<LaunchPoint> launches, BatteryModel budget,
        AssetRef? asset, string kind, double? turnaround = null)
    {
        var site = new MetricSite
        {
            Pattern = pattern, Launches = launches, NoFly = NoFly, Fence = Fence, Altitude = new AltitudeLimit(r.MaxAltitudeM),
            Radio = new RadioRangeConstraint(r.RadioRangeM), Battery = budget, HoverAndCapture = r.HoverAndCapture,
            TurnaroundM = turnaround ?? r.TurnaroundM, RequireFullCoverage = r.RequireFullCoverage, Describe = Describe, Factory = _f,
        };
        var plan = MetricPlanner.Plan(site);
        var toLonLat = (double x, double y) => Frame.ToLonLat.Transform(x, y);
        var options = new MissionOptions { Firmware = r.Firmware, End = r.End, CruiseSpeedMps = r.CruiseSpeedMps, HoverAndCapture = r.HoverAndCapture };
        var wgs = new GeometryFactory(new PrecisionModel(), Epsg.Wgs84);
        var sorties = plan.Sorties.Select(s =>
        {
            var (lon, lat) = toLonLat(s.Launch.PositionM.X, s.Launch.PositionM.Y);
            var route = wgs.CreateLineString(s.Waypoints().Select(w =>
            {
                var (wx, wy) = toLonLat(w.X, w.Y);
                return (Coordinate)new CoordinateZ(wx, wy, w.Z);
            }).ToArray());
            return new PlannedSortie
            {
                Index = s.Index, LaunchId = s.Launch.Id, LaunchLonDeg = lon, LaunchLatDeg = lat,
                Mission = MissionBuilder.Build(s, pattern, toLonLat, options), Route = route, DistanceM = s.DistanceM,
                TimeS = s.TimeS, PhotoCount = s.PhotoCount, MaxDistanceFromLaunchM = s.MaxDistanceFromLaunchM, MaxAltitudeM = s.MaxAltitudeM,
            };
        }).ToList();

        var used = plan.Sorties.Select(s => s.Launch).DistinctBy(l => l.Id).Select(l =>
        {
            var (lon, lat) = toLonLat(l.PositionM.X, l.PositionM.Y);
            return new LaunchSite(l.Id, lon, lat);
        }).ToList();

        var fence = _fenceLonLat;
        var warnings = new List<string>(plan.Warnings);
        if (fence is null)
        {
            var pts = plan.Sorties.SelectMany(s => s.Waypoints()).Select(w => (Coordinate)new Coordinate(w.X, w.Y)).ToArray();
            var hull = _f.CreateMultiPointFromCoords(pts).ConvexHull().Buffer(30, 2); // few vertices: autopilots limit fence points
            fence = (Polygon)Frame.Unproject(hull is Polygon hp ? hp : (Polygon)hull.GetGeometryN(0));
            warnings.Add("no geofence given: one was generated 30 m around the planned flights for the vehicle to enforce");
        }

        var lines = plan.Sorties.SelectMany(s => s.Lines).ToList();
        var passes = pattern.Passes.Select((p, i) =>
        {
            var mine = lines.Where(l => l.PassIndex == i).ToList();
            return new PassSummary(p.Name, p.Kind, p.Shot.GsdCmPerPx, p.Shot.DistanceM, p.AltitudeM,
                p.FocalLengthMm > 0 ? p.FocalLengthMm : r.Camera.FocalLengthMm, p.Shot.LineSpacingM, p.Shot.TriggerDistanceM,
                mine.Sum(l => l.PhotoCount), mine.Sum(l => l.LengthM));
        }).ToList();

        return new FlightPlan
        {
            Name = r.Name ?? kind, PatternKind = kind, Asset = asset, Camera = r.Camera, MetricEpsg = Frame.Epsg,
            Passes = passes, Sorties = sorties,
            Uncovered = plan.Uncovered.Select(u => new UncoveredArea(Frame.Unproject(u.GeometryM), u.AreaM2, u.Reason)).ToList(),
            Warnings = warnings, Geofence = fence, GeofenceGenerated = _fenceLonLat is null, NoFlyZones = ZonesLonLat,
            NoFlyMarginM = NoFly.MarginM, LaunchSites = used, TransitAltitudeM = pattern.TransitAltitudeM,
            CruiseSpeedMps = r.CruiseSpeedMps, LineSpeedMps = pattern.LineSpeedMps, Firmware = r.Firmware,
            RadioRangeM = r.RadioRangeM, BatteryBudgetS = budget.BudgetS, Metric = plan,
        };
    }
}

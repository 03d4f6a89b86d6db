using DxGeo.SampleTown.Internal.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace DxGeo.SampleTown.Internal.Layout;

/// <summary>
/// The town's districts: an old centre (本町, 川端, 港町) on the north bank near the mouth, the 1970s expansion
/// across the river, newer suburbs further out, paddy-field hamlets upstream and a coastal strip beyond the canal.
/// West of the canal each bank is split by a Voronoi diagram of the district centres (so boundaries run at odd
/// angles like real ones); the strip east of the canal is one district per bank.
/// </summary>
internal static class Districts
{
    public const string ZoneCentral = "中央配水区";
    public const string ZoneNorth = "北部配水区";
    public const string ZoneSouth = "南部配水区";
    public const string ZoneCoastal = "臨海配水区";

    private static readonly DistrictSpec[] NorthBank =
    [
        new("D01", "本町", "Honcho", DistrictKind.OldTown, ZoneCentral, 2550, 450, 1960, 80, 8),
        new("D02", "川端", "Kawabata", DistrictKind.OldTown, ZoneCentral, 1950, 260, 1963, 90, 8),
        new("D03", "港町", "Minatomachi", DistrictKind.OldTown, ZoneCoastal, 3500, 350, 1962, 90, -4),
        new("D04", "中町", "Nakamachi", DistrictKind.Urban, ZoneCentral, 2750, 1150, 1970, 100, 3),
        new("D05", "北町", "Kitamachi", DistrictKind.Suburb, ZoneNorth, 2000, 1650, 1982, 110, 0),
        new("D06", "緑ヶ丘", "Midorigaoka", DistrictKind.NewSuburb, ZoneNorth, 3450, 1500, 1996, 120, -6),
        new("D07", "上町", "Kamimachi", DistrictKind.Suburb, ZoneNorth, 900, 550, 1976, 115, 2),
        new("D08", "西原", "Nishihara", DistrictKind.Rural, ZoneNorth, 650, 1600, 1988, 260, 0),
    ];

    private static readonly DistrictSpec[] SouthBank =
    [
        new("D09", "八幡", "Yawata", DistrictKind.OldTown, ZoneSouth, 3050, -350, 1966, 90, 5),
        new("D10", "南町", "Minamimachi", DistrictKind.Urban, ZoneSouth, 2250, -700, 1974, 100, 0),
        new("D11", "松原", "Matsubara", DistrictKind.Suburb, ZoneSouth, 3500, -1250, 1986, 125, -5),
        new("D12", "若葉台", "Wakabadai", DistrictKind.NewSuburb, ZoneSouth, 1600, -1350, 2004, 110, 10),
        new("D13", "新田", "Shinden", DistrictKind.Rural, ZoneSouth, 600, -900, 1984, 250, 0),
    ];

    private static readonly DistrictSpec EastNorth = new("D14", "浜町", "Hamacho", DistrictKind.Coastal, ZoneCoastal, 4450, 700, 1968, 150, 5.7);
    private static readonly DistrictSpec EastSouth = new("D15", "汐見", "Shiomi", DistrictKind.Coastal, ZoneCoastal, 4300, -800, 1978, 160, 5.7);

    public static List<District> Build(Hydrography h)
    {
        var landNoRiver = h.BuildLand.Difference(h.Corridor);
        var westOfCanal = Hydrography.WestOf(h.CanalX);
        var west = landNoRiver.Intersection(westOfCanal);
        var east = landNoRiver.Difference(westOfCanal);

        var result = new List<District>();
        result.AddRange(Voronoi(NorthBank, west.Intersection(h.NorthOfRiver), h));
        result.AddRange(Voronoi(SouthBank, west.Difference(h.NorthOfRiver), h));
        if (Polygons.Multi(east.Intersection(h.NorthOfRiver), 1000) is { } en) result.Add(new District { Spec = EastNorth, Area = en });
        if (Polygons.Multi(east.Difference(h.NorthOfRiver), 1000) is { } es) result.Add(new District { Spec = EastSouth, Area = es });
        return result;
    }

    private static IEnumerable<District> Voronoi(DistrictSpec[] specs, Geometry bank, Hydrography h)
    {
        var sites = specs.Select(s => new Coordinate(s.CentreX, h.RiverY(s.CentreX) + s.CentreDyFromRiver)).ToArray();
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        builder.ClipEnvelope = new Envelope(-500, 5500, -500, 4500);
        var cells = builder.GetDiagram(Polyline.Factory);
        for (var i = 0; i < specs.Length; i++)
        {
            // Cells carry their site as user data; match by containment to stay independent of output order.
            var cell = Enumerable.Range(0, cells.NumGeometries).Select(cells.GetGeometryN)
                .First(c => c.Contains(Polyline.Factory.CreatePoint(sites[i])));
            if (Polygons.Multi(cell.Intersection(bank), 2000) is { } area)
                yield return new District { Spec = specs[i], Area = area };
        }
    }
}

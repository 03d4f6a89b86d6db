using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Network;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Context;

internal sealed record FacilityDraft(string Id, Coordinate Location, string Name, string Kind, string DistrictId);

/// <summary>Hospitals, schools, shelters (including tsunami evacuation towers near the shore) and a few other
/// key buildings, each set back ~25 m from a street in its district.</summary>
internal static class Facilities
{
    private static readonly (string Name, string Kind, string District)[] List =
    [
        ("川湊町立病院", "hospital", "D01"), ("みなと総合病院", "hospital", "D03"), ("川湊南病院", "hospital", "D10"),
        ("川湊町立本町小学校", "school", "D01"), ("川湊町立北町小学校", "school", "D05"), ("川湊町立上町小学校", "school", "D07"),
        ("川湊町立南町小学校", "school", "D10"), ("川湊町立若葉台小学校", "school", "D12"), ("川湊町立松原小学校", "school", "D11"),
        ("川湊町立川湊中学校", "school", "D04"), ("川湊町立南中学校", "school", "D11"), ("宮城県立川湊高等学校", "school", "D06"),
        ("川湊町民体育館", "shelter", "D04"), ("本町公民館", "shelter", "D01"), ("港町津波避難タワー", "shelter", "D03"),
        ("浜町津波避難タワー", "shelter", "D14"), ("汐見津波避難タワー", "shelter", "D15"), ("西原集会所", "shelter", "D08"),
        ("新田集会所", "shelter", "D13"), ("八幡公民館", "shelter", "D09"), ("緑ヶ丘コミュニティセンター", "shelter", "D06"),
        ("川湊町役場", "other", "D01"), ("川湊消防署", "other", "D04"),
    ];

    public static List<FacilityDraft> Build(Hydrography h, IReadOnlyList<District> districts, IReadOnlyList<RoadEdge> edges,
        Coordinate waterPlant, Prng rng)
    {
        Geometry blocked = h.Corridor;
        foreach (var w in h.Waterways) blocked = blocked.Union(w.CrossingArea);
        var result = new List<FacilityDraft>();
        foreach (var (name, kind, districtId) in List)
        {
            var district = districts.FirstOrDefault(d => d.Id == districtId);
            if (district is null) continue;
            var area = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(district.Area);
            var local = edges.Where(e => e.Line.Length > 60 && area.Contains(e.Line.Centroid)).ToList();
            for (var attempt = 0; attempt < 40 && local.Count > 0; attempt++)
            {
                var e = local[rng.NextInt(local.Count)];
                var at = e.Line.Length * rng.Uniform(0.3, 0.7);
                var p = Polyline.PointAt(e.Line.Coordinates, at);
                var (ux, uy) = Polyline.Direction(e.Line.Coordinates, at);
                var side = rng.Chance(0.5) ? 1 : -1;
                var c = new Coordinate(p.X - uy * 25 * side, p.Y + ux * 25 * side);
                var pt = Polyline.Factory.CreatePoint(c);
                if (!district.Area.Contains(pt) || blocked.Distance(pt) < 15) continue;
                result.Add(new FacilityDraft($"FAC-{result.Count + 1:D3}", c, name, kind, districtId));
                break;
            }
        }
        result.Add(new FacilityDraft($"FAC-{result.Count + 1:D3}", waterPlant, "川湊浄水場", "other",
            districts.FirstOrDefault(d => d.Area.Contains(Polyline.Factory.CreatePoint(waterPlant)))?.Id ?? "D08"));
        return result;
    }
}

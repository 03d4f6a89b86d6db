using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Context;

internal sealed record RoadWorkDraft(string Id, Polygon Area, int PlannedYear, string Description);

/// <summary>Planned road works 2026–2028 on stretches of 80–300 m: the strip of the carriageway plus a metre each side.</summary>
internal static class RoadWorks
{
    private static readonly string[] Kinds =
    [
        "舗装打換え (repaving)", "下水道管渠布設 (sewer laying)", "道路拡幅 (widening)", "無電柱化 (utility undergrounding)",
        "歩道整備 (sidewalk)", "ガス管更新 (gas main renewal)",
    ];

    public static List<RoadWorkDraft> Build(IReadOnlyList<StreetLine> streets, Prng rng, int count = 18)
    {
        var candidates = streets.Where(s => s.Line.Length > 120 && !s.Rural).ToList();
        var result = new List<RoadWorkDraft>();
        for (var attempt = 0; attempt < 400 && result.Count < count; attempt++)
        {
            var s = candidates[rng.NextInt(candidates.Count)];
            var len = Math.Min(s.Line.Length - 10, rng.Uniform(80, 300));
            var from = rng.Uniform(0, s.Line.Length - len);
            var strip = Polyline.Strip(Polyline.Substring(s.Line.Coordinates, from, from + len), s.WidthM / 2 + 1);
            if (!strip.IsValid || result.Any(r => r.Area.Distance(strip) < 30)) continue;
            result.Add(new RoadWorkDraft($"RW-{result.Count + 1:D3}", strip, 2026 + rng.NextInt(3), Kinds[rng.NextInt(Kinds.Length)]));
        }
        return result;
    }
}

using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Structures;

/// <summary>
/// A bridge wherever a street crosses water: over the main river from levee crest to levee crest (multi-span,
/// deck 7–10 m above the water), over the tributary, canal and drain as short one- or two-span decks.
/// Ages follow Japan's bridge stock (most built 1960–1990; the coastal strip rebuilt after 2011) and the MLIT
/// judgement worsens with age.
/// </summary>
internal static class Bridges
{
    private static readonly string[] Names =
    [
        "本町橋", "幸橋", "栄橋", "旭橋", "緑橋", "八幡橋", "若宮橋", "常盤橋", "弁天橋", "港橋", "汐見橋", "松原橋",
        "錦橋", "千歳橋", "末広橋", "日の出橋", "宮前橋", "稲荷橋", "中橋", "東橋", "西橋", "寿橋", "相生橋", "曙橋",
        "朝日橋", "柳橋", "桜橋", "梅田橋", "高砂橋", "蓬莱橋", "鶴見橋", "北橋", "南橋", "白鷺橋", "観音橋", "浜橋",
        "船場橋", "新橋", "大和橋", "昭和橋", "平和橋", "双葉橋", "若葉橋", "新田橋", "上町橋", "川端橋", "亀島橋", "萩橋",
        "菖蒲橋", "藤見橋", "玉川橋", "清水橋", "深沼橋", "二本松橋", "一本杉橋", "三軒橋", "四ツ谷橋", "五反田橋",
    ];

    public static List<BridgeDraft> Build(Hydrography h, IReadOnlyList<StreetLine> streets, Prng rng)
    {
        var found = new List<(LineString Deck, Waterway Over, StreetLine Street)>();
        foreach (var w in h.Waterways)
        {
            var area = w.Kind == WaterwayKind.River ? w.CrossingArea : w.CrossingArea.Difference(h.Corridor);
            var centreline = Polyline.Line(w.Centreline);
            foreach (var s in streets)
            {
                if (!s.Line.Intersects(area)) continue;
                // Only decks that cross the watercourse itself (not a corner of its margin where another joins it).
                foreach (var deck in Polygons.Lines(s.Line.Intersection(area), 5).Where(d => d.Intersects(centreline)))
                    found.Add((deck, w, s));
            }
        }
        var ordered = found.OrderBy(f => f.Over.Id, StringComparer.Ordinal)
            .ThenBy(f => Math.Round(f.Deck.Centroid.X, 2)).ThenBy(f => Math.Round(f.Deck.Centroid.Y, 2)).ToList();

        var names = Names.ToList();
        var numbered = new Dictionary<string, int>();
        var result = new List<BridgeDraft>();
        foreach (var (deck, over, street) in ordered)
        {
            var main = over.Kind == WaterwayKind.River;
            var coastal = street.Key == "C0" || deck.Centroid.X > h.CanalX(deck.Centroid.Y);
            string name;
            if (main && street.Key == "A1") name = "川湊大橋";
            else if (main && street.Key == "A2") name = "川湊バイパス大橋";
            else if (main && street.Key == "C0") name = "河口橋";
            else if ((!main && street.Class == RoadClassKind.Local) || names.Count == 0)
                // Small local bridges are numbered per watercourse, as in most municipal ledgers (南堀3号橋).
                name = $"{over.Name}{numbered[over.Id] = numbered.GetValueOrDefault(over.Id) + 1}号橋";
            else
            {
                var i = rng.NextInt(names.Count);
                name = names[i];
                names.RemoveAt(i);
            }
            var year = main
                ? street.Key switch { "A1" => 1969 + rng.NextInt(4), "A2" => 1997 + rng.NextInt(3), _ => 1958 + rng.NextInt(38) }
                : 1960 + rng.NextInt(51);
            if (coastal && rng.Chance(0.7)) year = 2013 + rng.NextInt(4); // rebuilt after the 2011 tsunami
            var length = deck.Length;
            var spans = main ? Math.Max(2, (int)Math.Ceiling(length / rng.Uniform(30, 48))) : length < 22 ? 1 : 2;
            var type = main
                ? year < 1975 ? (rng.Chance(0.4) ? "steel truss" : "steel girder") : (rng.Chance(0.55) ? "PC girder" : "steel girder")
                : year < 1980 ? "RC slab" : (rng.Chance(0.6) ? "PC girder" : "RC slab");
            result.Add(new BridgeDraft(
                $"BR-{result.Count + 1:D3}", deck, over, street, name,
                Math.Round(street.WidthM + rng.Uniform(0.5, 2.5), 1), spans, type, year,
                new DateOnly(2021 + rng.NextInt(5), 4 + rng.NextInt(9), 1 + rng.NextInt(28)),
                Grade(2025 - year, rng),
                Math.Round(main ? rng.Uniform(7.5, 10.5) : rng.Uniform(2.0, 4.0), 1)));
        }
        return result;
    }

    private static MlitGrade Grade(int age, Prng rng)
    {
        double[] w = age < 20 ? [0.75, 0.25, 0, 0] : age < 40 ? [0.35, 0.55, 0.1, 0] : [0.15, 0.6, 0.23, 0.02];
        return (MlitGrade)(rng.Pick(w) + 1);
    }
}

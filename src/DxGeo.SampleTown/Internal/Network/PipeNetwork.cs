using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Context;
using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Numerics;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.SampleTown.Internal.Network;

/// <summary>
/// Lays water mains under the streets: one main per street edge (none on most farm roads, and across the river
/// only on the bridges that carry one), split into ledger segments of ~90–150 m, offset 1–2.5 m to one side of the
/// centreline as mains are, with diameter, install year and material from <see cref="PipeLedger"/>.
/// </summary>
internal static class PipeNetwork
{
    /// <summary>Each pipe's own frailty ~ Gamma(shape, 1/shape): mean 1, variance 1/shape.</summary>
    public const double FrailtyShape = 2.5;
    /// <summary>Frailty shared by the segments of one street edge laid in the same year (one contractor, one batch of
    /// pipe, one backfill): Gamma(shape, 1/shape). Total frailty variance (1 + 1/3)(1 + 1/2.5) − 1 ≈ 0.87.</summary>
    public const double BatchFrailtyShape = 3.0;

    public static List<PipeDraft> Build(Hydrography h, IReadOnlyList<District> districts, IReadOnlyList<RoadEdge> edges,
        IReadOnlyList<SoilPatch> soil, IReadOnlyList<FloodPatch> flood, Terrain terrain, Coordinate source, int seed)
    {
        var rng = Prng.For(seed, "pipes");
        var ledgerRng = Prng.For(seed, "ledger");
        var frailRng = Prng.For(seed, "frailty");
        var soilTree = new STRtree<(SoilPatch Patch, IPreparedGeometry Area)>();
        foreach (var s in soil) soilTree.Insert(s.Area.EnvelopeInternal, (s, PreparedGeometryFactory.Prepare(s.Area)));
        var floodTree = new STRtree<(FloodPatch Patch, IPreparedGeometry Area)>();
        foreach (var f in flood) floodTree.Insert(f.Area.EnvelopeInternal, (f, PreparedGeometryFactory.Prepare(f.Area)));
        var sides = new Dictionary<string, double>();
        var wet = PreparedGeometryFactory.Prepare(h.Tributary.WaterArea.Union(h.Canal.WaterArea).Union(h.Drain.WaterArea).Union(h.River.CrossingArea));
        var corridor = PreparedGeometryFactory.Prepare(h.Corridor);
        var areas = districts.Select(d => (District: d, Area: PreparedGeometryFactory.Prepare(d.Area))).ToList();

        var result = new List<PipeDraft>();
        foreach (var edge in edges)
        {
            var mid = Polyline.Factory.CreatePoint(Polyline.PointAt(edge.Line.Coordinates, edge.Line.Length / 2));
            if (edge.Line.Length < 8) continue;
            if (corridor.Contains(mid) && !edge.Street.PipeOnMainBridge) continue;
            if (edge.Street.Rural && !rng.Chance(0.55)) continue;
            var district = areas.FirstOrDefault(d => d.Area.Contains(mid)).District
                           ?? districts.OrderBy(d => d.Area.Distance(mid)).First();
            if (!sides.TryGetValue(edge.Street.Key, out var side))
                sides[edge.Street.Key] = side = (rng.Chance(0.5) ? 1 : -1) * rng.Uniform(1.0, 2.5);
            var line = Polyline.Offset(edge.Line.Coordinates, side);

            var len = edge.Line.Length;
            var pieces = len > 160 ? (int)Math.Ceiling(len / rng.Uniform(90, 150)) : 1;
            var km = mid.Coordinate.Distance(source) / 1000;
            var diameter = PipeLedger.Diameter(edge, district.Spec.Kind, km, ledgerRng);
            var year = PipeLedger.InstallYear(edge, district.Spec, ledgerRng);
            var batch = frailRng.Gamma(BatchFrailtyShape) / BatchFrailtyShape;
            for (var k = 0; k < pieces; k++)
            {
                var seg = Polyline.Line(Polyline.Substring(line, len * k / pieces, len * (k + 1) / pieces));
                var segMid = Polyline.Factory.CreatePoint(Polyline.PointAt(seg.Coordinates, seg.Length / 2));
                var onBridge = wet.Intersects(seg);
                // Neighbouring segments of one edge were usually laid together; sometimes one was renewed alone.
                var segYear = k > 0 && ledgerRng.Chance(0.15) ? PipeLedger.InstallYear(edge, district.Spec, ledgerRng) : year;
                var own = frailRng.Gamma(FrailtyShape) / FrailtyShape;
                // A segment relaid on its own came from another batch.
                var segBatch = segYear == year ? batch : frailRng.Gamma(BatchFrailtyShape) / BatchFrailtyShape;
                var z = terrain.ElevationM(segMid.Coordinate.X, segMid.Coordinate.Y);
                var material = PipeLedger.Material(segYear, diameter, onBridge, ledgerRng);
                var old = segYear < 1975;
                var soilHere = soilTree.Query(segMid.EnvelopeInternal).FirstOrDefault(s => s.Area.Contains(segMid)).Patch;
                var floodHere = floodTree.Query(segMid.EnvelopeInternal).FirstOrDefault(f => f.Area.Contains(segMid)).Patch;
                result.Add(new PipeDraft
                {
                    Id = $"WP-{result.Count + 1:D5}", Line = seg, Street = edge.Street, District = district,
                    DiameterMm = diameter, TrueMaterial = material, TrueInstallYear = segYear, OnBridge = onBridge,
                    YearMissing = ledgerRng.Chance(old ? 0.06 : 0.018),
                    MaterialMissing = ledgerRng.Chance(old ? 0.045 : 0.012),
                    SoilClass = soilHere?.SoilClass ?? "none", Soil = soilHere?.Corrosivity ?? Corrosivity.Low,
                    FloodDepthClass = floodHere?.DepthClass ?? 0,
                    ElevationM = z, SlopePct = terrain.SlopePct(seg),
                    PressureHeadM = Breaks.BreakModel.HydraulicGradeM(district.Spec.PressureZone) - z,
                    Frailty = segBatch * own,
                });
            }
        }
        return result;
    }
}

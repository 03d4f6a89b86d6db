using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Breaks;
using DxGeo.SampleTown.Internal.Geo;
using DxGeo.SampleTown.Internal.Layout;
using DxGeo.SampleTown.Internal.Network;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace DxGeo.SampleTown.Internal;

/// <summary>Turns the metric draft into the typed assets in lon/lat, snapping breaks to the nearest main and
/// hiding what the ledger lost (material, install year).</summary>
internal static class TownAssembler
{
    /// <summary>Breaks farther than this from every main are left unsnapped (pipe_id null).</summary>
    public const double SnapToleranceM = 10;

    public static SampleTown Assemble(TownDraft d)
    {
        var h = d.Hydro;
        var districtById = d.Districts.ToDictionary(x => x.Id);
        var pipes = d.Pipes.Select(p => new WaterPipe
        {
            PipeId = p.Id,
            Geometry = LonLat.Convert(p.Line),
            Material = p.MaterialMissing ? PipeMaterial.Unknown : p.TrueMaterial,
            DiameterMm = p.DiameterMm,
            InstallYear = p.YearMissing ? null : p.TrueInstallYear,
            LengthM = Math.Round(p.LengthM, 2),
            PressureZone = p.District.Spec.PressureZone,
            District = p.District.Name,
            RoadClass = p.Street.ClassCode,
        }).ToList();

        var tree = new STRtree<PipeDraft>();
        foreach (var p in d.Pipes) tree.Insert(p.Line.EnvelopeInternal, p);
        var breaks = new List<PipeBreak>();
        var breakTruth = new List<BreakTruth>();
        foreach (var b in d.Breaks)
        {
            var id = $"BK-{breaks.Count + 1:D5}";
            var pt = Polyline.Factory.CreatePoint(b.Location);
            var env = pt.EnvelopeInternal.Copy();
            env.ExpandBy(SnapToleranceM);
            var nearest = tree.Query(env).Select(p => (Pipe: p, Dist: p.Line.Distance(pt)))
                .Where(x => x.Dist <= SnapToleranceM).OrderBy(x => x.Dist).ThenBy(x => x.Pipe.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            breaks.Add(new PipeBreak
            {
                BreakId = id, Geometry = LonLat.Point(b.Location), Date = b.Date, Type = b.Type,
                PipeId = nearest.Pipe?.Id, SnapDistanceM = nearest.Pipe is null ? null : Math.Round(nearest.Dist, 2),
            });
            breakTruth.Add(new BreakTruth(id, b.TruePipe.Id, b.Cause));
        }
        var observed = d.Breaks.GroupBy(b => b.TruePipe.Id).ToDictionary(g => g.Key, g => g.Count());

        var pipeTruth = d.Pipes.Select(p => new PipeTruth(
            p.Id, AssetCodes.Code(p.TrueMaterial), p.TrueInstallYear, p.DiameterMm, Math.Round(p.LengthM, 2), p.SoilClass,
            AssetCodes.Code(p.Soil), p.FloodDepthClass, p.Street.ClassCode, Math.Round(p.Frailty, 6),
            Math.Round(BreakModel.Rate(p, 2026), 6), Math.Round(BreakModel.Rate(p, 2026, withFrailty: false), 6),
            Math.Round(BreakHistory.Expected(p, d.YearFactors), 6), observed.GetValueOrDefault(p.Id))).ToList();

        return new SampleTown
        {
            Seed = d.Seed,
            Pipes = pipes,
            Breaks = breaks,
            Bridges = d.Bridges.Select(b => new Bridge
            {
                BridgeId = b.Id, Geometry = LonLat.Convert(b.Deck), Name = b.Name, Road = b.Street.Name ?? "町道",
                LengthM = Math.Round(b.Deck.Length, 1), WidthM = b.WidthM, SpanCount = b.SpanCount,
                StructureType = b.StructureType, YearBuilt = b.YearBuilt, LastInspection = b.LastInspection,
                MlitGrade = b.Grade, DeckHeightM = b.DeckHeightM,
            }).ToList(),
            Levees = d.Levees.Select(l => new Levee
            {
                LeveeId = l.Id, Geometry = LonLat.Convert(l.Crest), River = l.River, Bank = l.Bank, KpFromKm = l.KpFrom,
                KpToKm = l.KpTo, CrestElevationM = l.CrestElevationM, CrestWidthM = l.CrestWidthM, BaseWidthM = l.BaseWidthM,
            }).ToList(),
            Roads = d.Streets
                .OrderBy(s => s.Class).ThenBy(s => Math.Round(s.Line.Centroid.X, 2)).ThenBy(s => Math.Round(s.Line.Centroid.Y, 2))
                .Select((s, i) => new Road { RoadId = $"RD-{i + 1:D4}", Geometry = LonLat.Convert(s.Line), Name = s.Name, RoadClass = s.ClassCode })
                .ToList(),
            SoilZones = d.Soil.Select(s => new SoilZone
            {
                ZoneId = s.Id, Geometry = LonLat.Multi(s.Area), SoilClass = s.SoilClass, Corrosivity = s.Corrosivity,
            }).ToList(),
            FloodZones = d.Flood.Select(f => new FloodZone { ZoneId = f.Id, Geometry = LonLat.Multi(f.Area), DepthClass = f.DepthClass }).ToList(),
            NoFlyZones = d.NoFly.Select(z => new NoFlyZone { ZoneId = z.Id, Geometry = LonLat.Multi(z.Area), Name = z.Name, Reason = z.Reason }).ToList(),
            Facilities = d.Facilities.Select(f => new Facility { FacilityId = f.Id, Geometry = LonLat.Point(f.Location), Name = f.Name, Kind = f.Kind }).ToList(),
            RoadWorks = d.RoadWorks.Select(w => new RoadWork
            {
                WorkId = w.Id, Geometry = LonLat.Multi(w.Area), PlannedYear = w.PlannedYear, Description = w.Description,
            }).ToList(),
            Districts = d.Districts.Select(x => new TownDistrict(x.Id, x.Name, x.Spec.NameRomaji, x.Spec.PressureZone, LonLat.Multi(x.Area))).ToList(),
            Waterways = h.Waterways.Select(w => new TownWaterway(w.Id, w.Name, w.NameRomaji, w.Kind.ToString().ToLowerInvariant(),
                LonLat.Convert(Polyline.Line(w.Centreline)), w.WidthM)).ToList(),
            WaterAreas = WaterAreas(h),
            RiverMouth = LonLat.Point(h.Mouth),
            BreakHistoryFirstYear = YearEffects.FirstYear,
            BreakHistoryLastYear = YearEffects.LastYear,
            GroundTruth = new SampleTownTruth
            {
                Pipes = pipeTruth, Breaks = breakTruth,
                YearFactors = d.YearFactors.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 6)),
                FirstYear = YearEffects.FirstYear,
                BackgroundExpectedByYear = d.Pipes.ToDictionary(p => p.Id, p =>
                    Enumerable.Range(YearEffects.FirstYear, YearEffects.LastYear - YearEffects.FirstYear + 2)
                        .Select(y => BreakHistory.Mean(p, y, d.YearFactors)).ToArray()),
            },
            ElevationPoints = d.Elevation.Select(e => new ElevationPoint { PointId = e.Id, Geometry = LonLat.Point(e.Location), ElevationM = e.ElevationM }).ToList(),
        };
    }

    /// <summary>Water surfaces without overlaps: the river first, then what joins it, then the sea.</summary>
    private static List<TownWaterArea> WaterAreas(Hydrography h)
    {
        var result = new List<TownWaterArea>();
        Geometry taken = Polyline.Factory.CreatePolygon();
        var n = 0;
        foreach (var w in new[] { h.River, h.Canal, h.Tributary, h.Drain })
        {
            if (Polygons.Multi(w.WaterArea.Intersection(h.Land).Difference(taken), 10) is { } area)
                result.Add(new TownWaterArea($"WA-{++n:D2}", w.Name, w.Kind.ToString().ToLowerInvariant(), LonLat.Multi(area)));
            taken = taken.Union(w.WaterArea);
        }
        result.Add(new TownWaterArea($"WA-{++n:D2}", "太平洋", "sea", LonLat.Multi(h.Sea)));
        return result;
    }
}

using DxGeo.Core.Assets;
using DxGeo.Risk.Features.Internal;
using DxGeo.Risk.Storage;
using NetTopologySuite.Geometries;

namespace DxGeo.Risk.Features;

/// <summary>How the spatial features are derived.</summary>
public sealed record ProfileOptions
{
    /// <summary>A break without a valid pipe_id is assigned to the nearest pipe within this distance (m).</summary>
    public double SnapToleranceM { get; init; } = 15;
    /// <summary>Breaks on other pipes within this distance (m) count as "nearby".</summary>
    public double NeighbourhoodRadiusM { get; init; } = 100;
    /// <summary>Leave out breaks near no pipe instead of refusing the data.</summary>
    public bool DropUnsnappedBreaks { get; init; }
    /// <summary>Breaks after this date are refused (a future date is a typing error).</summary>
    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
    /// <summary>Largest distance (m) from a pipe's midpoint to a road centreline for the road class to apply.</summary>
    public double RoadMatchDistanceM { get; init; } = 20;
}

/// <summary>The profiles of every pipe plus what the derivation learned about the record.</summary>
public sealed class PipeProfileSet
{
    internal PipeProfileSet(IReadOnlyList<PipeProfile> profiles, HistoryWindow window, int droppedBreaks, MetricNetwork network)
    {
        Profiles = profiles;
        Window = window;
        DroppedBreaks = droppedBreaks;
        Network = network;
    }

    public IReadOnlyList<PipeProfile> Profiles { get; }
    public HistoryWindow Window { get; }
    /// <summary>Breaks left out because no pipe lay within the tolerance (only with <see cref="ProfileOptions.DropUnsnappedBreaks"/>).</summary>
    public int DroppedBreaks { get; }
    internal MetricNetwork Network { get; }
}

/// <summary>
/// Derives each pipe's <see cref="PipeProfile"/> from the layers with the spatial core, never by hand: length in a
/// metric CRS, breaks assigned to pipes (recorded id or snapping), breaks nearby, soil and flood as length-weighted
/// overlays, road class from the ledger or the nearest road centreline, elevation and slope from spot heights.
/// </summary>
public static class PipeProfileBuilder
{
    public static PipeProfileSet Build(RiskInputs inputs, ProfileOptions? options = null)
    {
        var o = options ?? new ProfileOptions();
        var window = HistoryWindow.From(inputs.Breaks.Select(b => (b.BreakId, b.Date)), o.AsOf);
        var network = new MetricNetwork(inputs.Pipes);
        var (pipeOfBreak, dropped) = BreakAssigner.Assign(inputs, network, o.SnapToleranceM, o.DropUnsnappedBreaks);

        var own = new List<DateOnly>[network.Count];
        var near = new List<DateOnly>[network.Count];
        for (var i = 0; i < network.Count; i++) { own[i] = []; near[i] = []; }
        for (var b = 0; b < inputs.Breaks.Count; b++)
        {
            var pipe = pipeOfBreak[b];
            if (pipe < 0) continue;
            own[pipe].Add(inputs.Breaks[b].Date);
            foreach (var j in network.Within(network.Project(inputs.Breaks[b].Geometry), o.NeighbourhoodRadiusM))
                if (j != pipe) near[j].Add(inputs.Breaks[b].Date);
        }

        var soil = LengthWeightedOverlay.Run(network, inputs.Soil.Select(z => (Geometry)network.Project(z.Geometry)).ToList());
        var flood = LengthWeightedOverlay.Run(network, inputs.FloodZones.Select(z => (Geometry)network.Project(z.Geometry)).ToList());
        var roads = RoadClassMatcher.Match(network, inputs.Roads, o.RoadMatchDistanceM);
        var terrain = TerrainSampler.Run(network, inputs.Elevation);

        var profiles = new PipeProfile[network.Count];
        for (var i = 0; i < network.Count; i++)
        {
            var p = inputs.Pipes[i];
            own[i].Sort();
            near[i].Sort();
            var (soilClass, corr, highShare) = SoilOf(soil[i], inputs.Soil);
            var (floodMean, floodMax) = FloodOf(flood[i], inputs.FloodZones, network.LengthM[i]);
            profiles[i] = new PipeProfile
            {
                PipeId = p.PipeId,
                Material = p.Material,
                DiameterMm = p.DiameterMm,
                InstallYear = p.InstallYear,
                InstallYearImputed = p.InstallYearImputed,
                LengthM = network.LengthM[i],
                PressureZone = p.PressureZone,
                District = p.District,
                RoadClass = string.IsNullOrWhiteSpace(p.RoadClass) ? roads[i] : p.RoadClass,
                SoilClass = soilClass,
                CorrosivityScore = corr,
                HighCorrosivityShare = highShare,
                FloodDepthMean = floodMean,
                FloodDepthMax = floodMax,
                ElevationM = terrain[i].ElevationM,
                SlopePct = terrain[i].SlopePct,
                OwnBreaks = own[i],
                NearbyBreaks = near[i],
                InService = p.Status == PipeStatus.InService,
            };
        }
        return new PipeProfileSet(profiles, window, dropped, network);
    }

    private static (string? Class, double Corrosivity, double HighShare) SoilOf(List<(int Polygon, double LengthM)> parts, IReadOnlyList<SoilZone> zones)
    {
        if (parts.Count == 0) return (null, double.NaN, double.NaN);
        double total = 0, weighted = 0, high = 0;
        var byClass = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, len) in parts)
        {
            var z = zones[k];
            total += len;
            weighted += len * (int)z.Corrosivity;
            if (z.Corrosivity == Corrosivity.High) high += len;
            byClass[z.SoilClass] = byClass.GetValueOrDefault(z.SoilClass) + len;
        }
        var dominant = byClass.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        return (dominant, weighted / total, high / total);
    }

    /// <summary>Zones are assumed not to overlap (MLIT depth maps are a partition); the mean is capped at the max if they do.</summary>
    private static (double Mean, int Max) FloodOf(List<(int Polygon, double LengthM)> parts, IReadOnlyList<FloodZone> zones, double lengthM)
    {
        if (parts.Count == 0 || lengthM <= 0) return (0, 0);
        double weighted = 0;
        var max = 0;
        foreach (var (k, len) in parts)
        {
            weighted += len * zones[k].DepthClass;
            max = Math.Max(max, zones[k].DepthClass);
        }
        return (Math.Min(max, weighted / lengthM), max);
    }
}

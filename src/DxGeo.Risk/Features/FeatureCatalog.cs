namespace DxGeo.Risk.Features;

/// <summary>One model feature: its column, what it means, and where it comes from (for the metric card and docs/risk.md).</summary>
public sealed record FeatureInfo(string Name, string Description, string Source, bool Categorical = false);

/// <summary>The break-risk model's features: the single list the pipeline, the metric card and the docs use.</summary>
public static class FeatureCatalog
{
    public static IReadOnlyList<FeatureInfo> All { get; } =
    [
        new("AgeYears", "Panel year minus install year (years); missing when the ledger has no install year", "water_pipes.install_year"),
        new("InstallYearMissing", "1 when the install year is unknown (or imputed), else 0", "water_pipes.install_year, install_year_imputed"),
        new("DiameterMm", "Nominal diameter (mm)", "water_pipes.diameter_mm"),
        new("LogLengthM", "Natural log of segment length in metres (computed in a metric CRS)", "water_pipes geometry"),
        new("CorrosivityScore", "Length-weighted soil corrosivity over the segment (low 0, medium 1, high 2); missing outside the soil layer", "soil overlay"),
        new("HighCorrosivityShare", "Share of the segment's length lying in high-corrosivity soil (0–1)", "soil overlay"),
        new("FloodDepthMean", "Length-weighted MLIT flood depth class (0 outside every zone, 1–6)", "flood_zones overlay"),
        new("FloodDepthMax", "Deepest flood depth class the segment crosses (0–6)", "flood_zones overlay"),
        new("ElevationM", "Mean ground height along the segment (m above T.P.), inverse-distance² from the nearest spot heights within 250 m at stations every 10 m, in the metric frame; missing without a terrain layer. With the pressure zone it stands for static pressure (zone grade line − ground)", "elevation_points (terrain) layer"),
        new("SlopePct", "Mean absolute ground gradient along the segment (%: rise ÷ run, both in metres); missing without a terrain layer", "elevation_points (terrain) layer"),
        new("OwnBreaks1y", "Breaks on this segment in the year before the panel year", "pipe_breaks snapped to the segment"),
        new("OwnBreaks3y", "Breaks on this segment in the 3 years before the panel year", "pipe_breaks snapped to the segment"),
        new("OwnBreaks5y", "Breaks on this segment in the 5 years before the panel year", "pipe_breaks snapped to the segment"),
        new("OwnBreaksAll", "All recorded breaks on this segment before the panel year", "pipe_breaks snapped to the segment"),
        new("OwnBreaksPerKmYear", "Past breaks per km per year of record on this segment", "pipe_breaks, segment length"),
        new("YearsSinceLastBreak", "Years from the last break on the segment to 1 January of the panel year; missing if none", "pipe_breaks"),
        new("NearbyBreaks1y", "Breaks on other segments within the neighbourhood radius, previous year", "pipe_breaks within radius"),
        new("NearbyBreaks3y", "Breaks on other segments within the neighbourhood radius, previous 3 years", "pipe_breaks within radius"),
        new("NearbyBreaksAll", "All breaks on other segments within the neighbourhood radius before the panel year", "pipe_breaks within radius"),
        new("HistoryYears", "Years of break record available before the panel year (normalises the 'all' counts)", "pipe_breaks date range"),
        new("PriorExpected", "Expected breaks this year from the segment's attributes (Poisson GLM of the training years; length as exposure)", "model prior (training years)"),
        new("EbExpected", "Prior expectation updated by the segment's own record: μ(α + n)/(α + H), n past breaks, H breaks expected over the same years (age then × year factor), α the fitted frailty shape", "model prior + pipe_breaks"),
        new("Material", "Material code (DCIP, CIP, SP, VP, PE, ACP, UNK)", "water_pipes.material", Categorical: true),
        new("SoilClass", "Soil class covering most of the segment (clay, silt, sand, gravel, peat, fill; none outside)", "soil overlay", Categorical: true),
        new("RoadClass", "Class of the road above the segment (arterial, collector, local; none)", "water_pipes.road_class or roads overlay", Categorical: true),
        new("PressureZone", "Pressure (distribution) zone", "water_pipes.pressure_zone", Categorical: true),
    ];

    public static IReadOnlyList<string> Numeric { get; } = All.Where(f => !f.Categorical).Select(f => f.Name).ToArray();
    public static IReadOnlyList<string> Categorical { get; } = All.Where(f => f.Categorical).Select(f => f.Name).ToArray();
}

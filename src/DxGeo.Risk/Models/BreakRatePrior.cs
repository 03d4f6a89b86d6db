using System.Text.Json;
using System.Text.Json.Serialization;
using DxGeo.Core.Errors;
using DxGeo.Risk.DataModels;
using DxGeo.Risk.Models.Internal;

namespace DxGeo.Risk.Models;

/// <summary>
/// Stage one of the break model, the utilities' traditional statistical model: a Poisson regression of yearly breaks
/// on the segment's attributes only (material, age, diameter, soil, flood, road; length as exposure), never its history.
/// Its expectation μ becomes <see cref="PipeYearRow.PriorExpected"/>; combined with the segment's own record by
/// empirical Bayes it becomes <see cref="PipeYearRow.EbExpected"/> = μ (α + n) / (α + H), the posterior mean under
/// gamma frailty, where n is the segment's past breaks, H the breaks expected over the same years (each year at the
/// pipe's age then, times that year's observed ÷ expected factor) and α the gamma shape of segment-to-segment frailty
/// (maximum likelihood). Trees alone need many splits to form this product of a rate and a history ratio, and rank
/// the top of the list worse than it does; the model blends the two (<see cref="TreeWeight"/>).
/// Two engineering terms join the attributes: corrosivity acts on metal pipe (CIP, SP, DCIP) only, and PVC laid
/// before 1980 had solvent-cemented (TS) joints.
/// </summary>
public sealed class BreakRatePrior
{
    private static readonly string[] Metal = ["CIP", "SP", "DCIP"];
    /// <summary>Upper bound of α: at 10 000 a segment's own record moves its expectation by well under 0.1 %.</summary>
    public const double MaxShape = 10_000;
    private static readonly string[] Plastic = ["VP", "PE"];

    [JsonInclude] public double AgeFill { get; private set; }
    [JsonInclude] public double CorrosivityFill { get; private set; }
    [JsonInclude] public double HighShareFill { get; private set; }
    [JsonInclude] public string[] Materials { get; private set; } = [];
    [JsonInclude] public string[] SoilClasses { get; private set; } = [];
    [JsonInclude] public string[] RoadClasses { get; private set; } = [];
    [JsonInclude] public string[] PressureZones { get; private set; } = [];
    [JsonInclude] public double ElevationFill { get; private set; }
    [JsonInclude] public double SlopeFill { get; private set; }
    /// <summary>Terms and coefficients of the record adjustment (recent and nearby breaks) on top of the empirical-Bayes expectation.</summary>
    [JsonInclude] public string[] RecordTerms { get; private set; } = [];
    [JsonInclude] public double[] RecordCoefficients { get; private set; } = [];
    /// <summary>Names of the regression terms, aligned with <see cref="Coefficients"/> (for the metric card).</summary>
    [JsonInclude] public string[] Terms { get; private set; } = [];
    [JsonInclude] public double[] Coefficients { get; private set; } = [];
    /// <summary>Gamma shape of the segment frailty: small means segments alike on paper differ a lot in practice.</summary>
    [JsonInclude] public double FrailtyShape { get; private set; } = 1;
    /// <summary>Observed ÷ expected breaks of each training year (winters, earthquakes): weights that year's exposure.</summary>
    [JsonInclude] public Dictionary<int, double> YearFactors { get; private set; } = [];
    /// <summary>The same for the years of record before the first training year, pooled (their breaks are only counted).</summary>
    [JsonInclude] public double EarlyYearsFactor { get; private set; } = 1;
    /// <summary>Weight of the trees in the model's final blend with <see cref="PipeYearRow.EbExpected"/> (set by <see cref="BreakRiskModel"/>).</summary>
    [JsonInclude] public double TreeWeight { get; internal set; } = 1;

    public static BreakRatePrior Fit(IReadOnlyList<PipeYearRow> training)
    {
        if (training.Count == 0) throw new DxGeoException("no pipe-years to fit the break-rate prior on");
        var p = new BreakRatePrior
        {
            AgeFill = MeanOf(training.Select(r => r.AgeYears), 30),
            CorrosivityFill = MeanOf(training.Select(r => r.CorrosivityScore), 1),
            HighShareFill = MeanOf(training.Select(r => r.HighCorrosivityShare), 0),
            // The most common level of each category is the reference (no column of its own).
            Materials = Levels(training.Select(r => r.Material)),
            SoilClasses = Levels(training.Select(r => r.SoilClass)),
            RoadClasses = Levels(training.Select(r => r.RoadClass)),
            PressureZones = Levels(training.Select(r => r.PressureZone)),
            ElevationFill = MeanOf(training.Select(r => r.ElevationM), 0),
            SlopeFill = MeanOf(training.Select(r => r.SlopePct), 0),
        };
        p.Terms = p.TermNames();
        var x = training.Select(p.Design).ToArray();
        var y = training.Select(r => (double)r.BreakCount).ToArray();
        var offset = training.Select(Offset).ToArray();
        p.Coefficients = PoissonGlm.Fit(x, y, offset);
        // Refit once with each year's factor as exposure, so a bad winter or an earthquake year does not bend the
        // attribute coefficients (quake years break sandy ground more).
        p.FitYearFactors(training);
        var yearOffset = training.Select((r, i) => offset[i] + Math.Log(p.YearFactors[(int)r.Year])).ToArray();
        p.Coefficients = PoissonGlm.Fit(x, y, yearOffset);
        p.FitYearFactors(training);
        p.FrailtyShape = p.FitShape(training);
        (p.RecordTerms, p.RecordCoefficients) = RecordAdjustment.Fit(training, p.EbRaw, r => p.YearFactors.GetValueOrDefault((int)r.Year, 1));
        return p;
    }

    private static double MeanOf(IEnumerable<float> xs, double fallback)
    {
        double s = 0; var n = 0;
        foreach (var x in xs) if (float.IsFinite(x)) { s += x; n++; }
        return n > 0 ? s / n : fallback;
    }

    private static string[] Levels(IEnumerable<string> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Skip(1).Select(g => g.Key).ToArray();

    private string[] TermNames() =>
    [
        "intercept", "age/10", "(age/10)^2", "age unknown", "log(diameter/150)", "corrosivity (not plastic)", "high-corrosivity share (not plastic)",
        "corrosivity x metal", "flood depth (mean class)", "flood class >= 3", "PVC laid before 1980",
        "ground height/10 m", "ground height unknown", "slope %",
        .. Materials.Select(m => "material=" + m), .. SoilClasses.Select(s => "soil=" + s), .. RoadClasses.Select(r => "road=" + r),
        .. PressureZones.Select(z => "zone=" + z),
    ];

    private static double Offset(PipeYearRow r) => Math.Log(Math.Max(r.LengthM, 1) / 1000.0);

    private double[] Design(PipeYearRow r)
    {
        var x = new double[14 + Materials.Length + SoilClasses.Length + RoadClasses.Length + PressureZones.Length];
        var age = float.IsFinite(r.AgeYears) ? r.AgeYears : AgeFill;
        var corr = float.IsFinite(r.CorrosivityScore) ? r.CorrosivityScore : CorrosivityFill;
        var d = float.IsFinite(r.DiameterMm) && r.DiameterMm > 0 ? r.DiameterMm : 150;
        x[0] = 1;
        x[1] = age / 10;
        x[2] = age / 10 * (age / 10);
        x[3] = r.InstallYearMissing;
        x[4] = Math.Log(d / 150.0);
        // Corrosive soil attacks metal and leaches asbestos cement; PVC and PE do not corrode.
        var corrodes = Array.IndexOf(Plastic, r.Material) < 0 ? 1 : 0;
        x[5] = corr * corrodes;
        x[6] = (float.IsFinite(r.HighCorrosivityShare) ? r.HighCorrosivityShare : HighShareFill) * corrodes;
        x[7] = Array.IndexOf(Metal, r.Material) >= 0 ? corr : 0;
        x[8] = r.FloodDepthMean;
        x[9] = r.FloodDepthMax >= 3 ? 1 : 0;
        x[10] = r.Material == "VP" && float.IsFinite(r.AgeYears) && r.Year - r.AgeYears < 1980 ? 1 : 0;
        // Within a pressure zone, static pressure is the zone's grade line minus the ground height: zone terms plus a
        // height term give the log-linear pressure effect.
        x[11] = (float.IsFinite(r.ElevationM) ? r.ElevationM : ElevationFill) / 10;
        x[12] = float.IsFinite(r.ElevationM) ? 0 : 1;
        x[13] = float.IsFinite(r.SlopePct) ? r.SlopePct : SlopeFill;
        var k = 14;
        k = OneHot(x, k, Materials, r.Material);
        k = OneHot(x, k, SoilClasses, r.SoilClass);
        k = OneHot(x, k, RoadClasses, r.RoadClass);
        OneHot(x, k, PressureZones, r.PressureZone);
        return x;
    }

    private static int OneHot(double[] x, int at, string[] levels, string value)
    {
        var i = Array.IndexOf(levels, value);
        if (i >= 0) x[at + i] = 1;
        return at + levels.Length;
    }

    /// <summary>Expected breaks in the row's year from its attributes.</summary>
    public double Expected(PipeYearRow r) => Math.Clamp(PoissonGlm.Predict(Coefficients, Design(r), Offset(r)), 1e-7, 50);

    /// <summary>Expected breaks of the row's pipe in an earlier year <paramref name="year"/> (the pipe younger by the difference).</summary>
    private double ExpectedIn(PipeYearRow r, double[] design, double offset, int year)
    {
        var back = (int)r.Year - year;
        if (!float.IsFinite(r.AgeYears)) return PoissonGlm.Predict(Coefficients, design, offset);
        var age = r.AgeYears - back;
        if (age < 0) return 0;
        var shifted = (double[])design.Clone();
        shifted[1] = age / 10;
        shifted[2] = age / 10 * (age / 10);
        // Laid during the year: exposed half of it on average.
        return (age == 0 ? 0.5 : 1) * PoissonGlm.Predict(Coefficients, shifted, offset);
    }

    /// <summary>
    /// Expected breaks over the row's record before its year, H = Σ_s f_s μ_s: each past year at the pipe's age then,
    /// weighted by that year's observed ÷ expected factor. A bad winter or an earthquake year raises everybody's counts;
    /// without f_s those counts would read as frailty.
    /// </summary>
    public double ExpectedHistory(PipeYearRow r)
    {
        var design = Design(r);
        var offset = Offset(r);
        var first = (int)(r.Year - r.HistoryYears);
        double h = 0;
        var firstTraining = YearFactors.Count > 0 ? YearFactors.Keys.Min() : int.MinValue;
        for (var s = first; s < (int)r.Year; s++)
            h += YearFactor(s, firstTraining) * ExpectedIn(r, design, offset, s);
        return h;
    }

    private double YearFactor(int year, int firstTraining) =>
        YearFactors.TryGetValue(year, out var f) ? f : year < firstTraining ? EarlyYearsFactor : 1;

    /// <summary>f_y = Σ breaks ÷ Σ μ in each training year; the years before the panel from the first panel year's counts.</summary>
    private void FitYearFactors(IReadOnlyList<PipeYearRow> training)
    {
        var obs = new Dictionary<int, double>();
        var exp = new Dictionary<int, double>();
        foreach (var r in training)
        {
            var y = (int)r.Year;
            obs[y] = obs.GetValueOrDefault(y) + r.BreakCount;
            exp[y] = exp.GetValueOrDefault(y) + Expected(r);
        }
        YearFactors = obs.Keys.Order().ToDictionary(y => y, y => exp[y] > 0 ? Math.Clamp(obs[y] / exp[y], 0.1, 10) : 1);
        var firstYear = YearFactors.Keys.Min();
        double early = 0, earlyExp = 0;
        foreach (var r in training)
        {
            if ((int)r.Year != firstYear || r.HistoryYears <= 0) continue;
            early += r.OwnBreaksAll;
            var design = Design(r);
            var offset = Offset(r);
            for (var s = firstYear - (int)r.HistoryYears; s < firstYear; s++) earlyExp += ExpectedIn(r, design, offset, s);
        }
        EarlyYearsFactor = earlyExp > 0 && early > 0 ? Math.Clamp(early / earlyExp, 0.1, 10) : 1;
    }

    /// <summary>
    /// α is learned from the training labels, like everything else in the model: the shrinkage that best predicts next
    /// year's count y from the record (n past breaks against H expected) by the Poisson likelihood of y with mean
    /// μ f (α + n)/(α + H) (μ the attribute expectation, f the year's factor). Only the association of the record with
    /// the outcome moves it (not the outcome's overdispersion): with outcomes unrelated to the record (the label-shuffle
    /// control) α runs to its upper bound and the record counts for nothing. A grid over log α, refined around the best.
    /// </summary>
    private double FitShape(IReadOnlyList<PipeYearRow> training)
    {
        var data = training.Select(r => ((int)r.OwnBreaksAll, ExpectedHistory(r), Expected(r) * YearFactors.GetValueOrDefault((int)r.Year, 1), (double)r.BreakCount))
            .Where(x => x.Item3 > 0).ToArray();
        if (data.Length == 0) return MaxShape;
        double LogLik(double a)
        {
            double ll = 0;
            foreach (var (n, h, mu, y) in data)
            {
                var m = mu * (a + n) / (a + h);
                ll += y * Math.Log(m) - m;
            }
            return ll;
        }
        double lo = Math.Log(0.05), hi = Math.Log(MaxShape);
        for (var round = 0; round < 3; round++)
        {
            const int steps = 24;
            var best = lo;
            var bestLl = double.NegativeInfinity;
            for (var i = 0; i <= steps; i++)
            {
                var la = lo + (hi - lo) * i / steps;
                var ll = LogLik(Math.Exp(la));
                if (ll > bestLl) { bestLl = ll; best = la; }
            }
            var width = (hi - lo) / steps;
            (lo, hi) = (Math.Max(Math.Log(0.05), best - width), Math.Min(Math.Log(MaxShape), best + width));
        }
        return Math.Exp((lo + hi) / 2);
    }

    /// <summary>Fills <see cref="PipeYearRow.PriorExpected"/> and <see cref="PipeYearRow.EbExpected"/> (they depend only on this prior and the row).</summary>
    public void Apply(IReadOnlyList<PipeYearRow> rows)
    {
        foreach (var r in rows)
        {
            var mu = Expected(r);
            r.PriorExpected = (float)mu;
            r.EbExpected = (float)(EbRaw(r, mu) * RecordAdjustment.Factor(RecordCoefficients, r));
        }
    }

    /// <summary>The empirical-Bayes posterior mean μ(α + n)/(α + H), before the record adjustment.</summary>
    private double EbRaw(PipeYearRow r) => EbRaw(r, Expected(r));

    private double EbRaw(PipeYearRow r, double mu) => mu * (FrailtyShape + r.OwnBreaksAll) / (FrailtyShape + ExpectedHistory(r));

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static BreakRatePrior FromJson(string json, string source)
    {
        try
        {
            var p = JsonSerializer.Deserialize<BreakRatePrior>(json, JsonOptions) ?? throw new JsonException("empty document");
            if (p.Coefficients.Length != p.Terms.Length || p.Terms.Length != p.TermNames().Length
                || p.RecordCoefficients.Length != RecordAdjustment.Terms.Length)
                throw new JsonException($"{p.Coefficients.Length} coefficients for {p.Terms.Length} terms");
            return p;
        }
        catch (JsonException e) { throw new DxGeoException($"{source}: not a readable break-rate prior ({e.Message})", e); }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}

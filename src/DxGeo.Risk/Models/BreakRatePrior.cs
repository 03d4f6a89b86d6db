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
/// empirical Bayes it becomes <see cref="PipeYearRow.EbExpected"/> = μ (α + n) / (α + μE), where n is the segment's
/// past breaks over E years and α the gamma shape of segment-to-segment frailty (method of moments).
/// Trees alone need many splits to form this product of a rate and a history ratio; given it, they refine it.
/// Two engineering terms join the attributes: corrosivity acts on metal pipe (CIP, SP, DCIP) only, and PVC laid
/// before 1980 had solvent-cemented (TS) joints.
/// </summary>
public sealed class BreakRatePrior
{
    private static readonly string[] Metal = ["CIP", "SP", "DCIP"];

    [JsonInclude] public double AgeFill { get; private set; }
    [JsonInclude] public double CorrosivityFill { get; private set; }
    [JsonInclude] public double HighShareFill { get; private set; }
    [JsonInclude] public string[] Materials { get; private set; } = [];
    [JsonInclude] public string[] SoilClasses { get; private set; } = [];
    [JsonInclude] public string[] RoadClasses { get; private set; } = [];
    /// <summary>Names of the regression terms, aligned with <see cref="Coefficients"/> (for the metric card).</summary>
    [JsonInclude] public string[] Terms { get; private set; } = [];
    [JsonInclude] public double[] Coefficients { get; private set; } = [];
    /// <summary>Gamma shape of the segment frailty: small means segments alike on paper differ a lot in practice.</summary>
    [JsonInclude] public double FrailtyShape { get; private set; } = 1;

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
        };
        p.Terms = p.TermNames();
        var x = training.Select(p.Design).ToArray();
        var y = training.Select(r => (double)r.BreakCount).ToArray();
        var offset = training.Select(Offset).ToArray();
        p.Coefficients = PoissonGlm.Fit(x, y, offset);
        p.FrailtyShape = p.FitShape(training);
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
        "intercept", "age/10", "(age/10)^2", "age unknown", "log(diameter/150)", "corrosivity", "high-corrosivity share",
        "corrosivity x metal", "flood depth (mean class)", "flood class >= 3", "PVC laid before 1980",
        .. Materials.Select(m => "material=" + m), .. SoilClasses.Select(s => "soil=" + s), .. RoadClasses.Select(r => "road=" + r),
    ];

    private static double Offset(PipeYearRow r) => Math.Log(Math.Max(r.LengthM, 1) / 1000.0);

    private double[] Design(PipeYearRow r)
    {
        var x = new double[11 + Materials.Length + SoilClasses.Length + RoadClasses.Length];
        var age = float.IsFinite(r.AgeYears) ? r.AgeYears : AgeFill;
        var corr = float.IsFinite(r.CorrosivityScore) ? r.CorrosivityScore : CorrosivityFill;
        var d = float.IsFinite(r.DiameterMm) && r.DiameterMm > 0 ? r.DiameterMm : 150;
        x[0] = 1;
        x[1] = age / 10;
        x[2] = age / 10 * (age / 10);
        x[3] = r.InstallYearMissing;
        x[4] = Math.Log(d / 150.0);
        x[5] = corr;
        x[6] = float.IsFinite(r.HighCorrosivityShare) ? r.HighCorrosivityShare : HighShareFill;
        x[7] = Array.IndexOf(Metal, r.Material) >= 0 ? corr : 0;
        x[8] = r.FloodDepthMean;
        x[9] = r.FloodDepthMax >= 3 ? 1 : 0;
        x[10] = r.Material == "VP" && float.IsFinite(r.AgeYears) && r.Year - r.AgeYears < 1980 ? 1 : 0;
        var k = 11;
        k = OneHot(x, k, Materials, r.Material);
        k = OneHot(x, k, SoilClasses, r.SoilClass);
        OneHot(x, k, RoadClasses, r.RoadClass);
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

    private static double Exposure(PipeYearRow r) =>
        Math.Max(0, float.IsNaN(r.AgeYears) ? r.HistoryYears : Math.Min(r.HistoryYears, r.AgeYears));

    /// <summary>Method of moments on the latest training year: Var(n) = H + H²/α for past counts n with expectation H.</summary>
    private double FitShape(IReadOnlyList<PipeYearRow> training)
    {
        var lastYear = training.Max(r => r.Year);
        double sumH2 = 0, sumExcess = 0;
        foreach (var r in training)
        {
            if (r.Year != lastYear) continue;
            var h = Expected(r) * Exposure(r);
            sumH2 += h * h;
            sumExcess += (r.OwnBreaksAll - h) * (r.OwnBreaksAll - h) - r.OwnBreaksAll;
        }
        return sumExcess <= 0 ? 50 : Math.Clamp(sumH2 / sumExcess, 0.05, 50);
    }

    /// <summary>Fills <see cref="PipeYearRow.PriorExpected"/> and <see cref="PipeYearRow.EbExpected"/> (they depend only on this prior and the row).</summary>
    public void Apply(IReadOnlyList<PipeYearRow> rows)
    {
        foreach (var r in rows)
        {
            var mu = Expected(r);
            r.PriorExpected = (float)mu;
            r.EbExpected = (float)(mu * (FrailtyShape + r.OwnBreaksAll) / (FrailtyShape + mu * Exposure(r)));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static BreakRatePrior FromJson(string json, string source)
    {
        try
        {
            var p = JsonSerializer.Deserialize<BreakRatePrior>(json, JsonOptions) ?? throw new JsonException("empty document");
            if (p.Coefficients.Length != p.Terms.Length || p.Terms.Length != p.TermNames().Length)
                throw new JsonException($"{p.Coefficients.Length} coefficients for {p.Terms.Length} terms");
            return p;
        }
        catch (JsonException e) { throw new DxGeoException($"{source}: not a readable break-rate prior ({e.Message})", e); }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}

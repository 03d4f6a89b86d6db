namespace DxGeo.Imagery.Damage.Featurizers.Internal;

/// <summary>Statistics of one grey image (values 0–1) at one scale; see <see cref="TextureFeaturizer"/>.</summary>
internal static class TextureStats
{
    public const int Count = 44;
    public const int GradMeanIndex = 10;
    public const int LineP99Index = 28;
    public const int LineMaxIndex = 29;

    // Unit steps across a line for 4 orientations (0°, 45°, 90°, 135°).
    private static readonly (int Dx, int Dy)[] Normals = [(0, 1), (1, 1), (1, 0), (1, -1)];

    public static void Compute(float[] g, int side, Span<float> f)
    {
        var n = side * side;
        var k = 0;
        // Grey-level moments and quantiles.
        double mean = 0;
        for (var i = 0; i < n; i++) mean += g[i];
        mean /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (var i = 0; i < n; i++)
        {
            var d = g[i] - mean;
            var d2 = d * d;
            m2 += d2; m3 += d2 * d; m4 += d2 * d2;
        }
        m2 /= n; m3 /= n; m4 /= n;
        var sd = Math.Sqrt(m2);
        f[k++] = (float)mean;
        f[k++] = (float)sd;
        f[k++] = sd > 1e-6 ? (float)(m3 / (sd * sd * sd)) : 0;
        f[k++] = sd > 1e-6 ? (float)(m4 / (m2 * m2)) : 0;
        var q = new Quantiles(0, 1);
        for (var i = 0; i < n; i++) q.Add(g[i]);
        var median = q.At(0.5);
        f[k++] = q.At(0.01) - median;
        f[k++] = q.At(0.05) - median;
        f[k++] = q.At(0.25) - median;
        f[k++] = q.At(0.75) - median;
        f[k++] = q.At(0.95) - median;
        var dark = 0;
        for (var i = 0; i < n; i++) if (g[i] < median - 2 * sd) dark++;
        f[k++] = (float)dark / n;

        // Sobel gradients: magnitude stats, edge density, orientation histogram (sorted: rotation-invariant), coherence.
        var gq = new Quantiles(0, 2);
        var hist = new double[8];
        double gsum = 0, gsum2 = 0, jxx = 0, jyy = 0, jxy = 0;
        int e1 = 0, e2 = 0, e3 = 0, inner = 0;
        for (var y = 1; y < side - 1; y++)
            for (var x = 1; x < side - 1; x++)
            {
                var i = y * side + x;
                var gx = (g[i - side + 1] + 2 * g[i + 1] + g[i + side + 1]) - (g[i - side - 1] + 2 * g[i - 1] + g[i + side - 1]);
                var gy = (g[i + side - 1] + 2 * g[i + side] + g[i + side + 1]) - (g[i - side - 1] + 2 * g[i - side] + g[i - side + 1]);
                var mag = MathF.Sqrt(gx * gx + gy * gy);
                gsum += mag; gsum2 += mag * mag; inner++;
                gq.Add(mag);
                if (mag > 0.1f) e1++;
                if (mag > 0.2f) e2++;
                if (mag > 0.4f) e3++;
                jxx += gx * gx; jyy += gy * gy; jxy += gx * gy;
                if (mag > 0.1f)
                {
                    var a = MathF.Atan2(gy, gx);
                    if (a < 0) a += MathF.PI;
                    hist[Math.Min(7, (int)(a / MathF.PI * 8))] += mag;
                }
            }
        var gmean = gsum / inner;
        f[k++] = (float)gmean;
        f[k++] = (float)Math.Sqrt(Math.Max(0, gsum2 / inner - gmean * gmean));
        f[k++] = gq.At(0.9);
        f[k++] = gq.At(0.99);
        f[k++] = (float)e1 / inner;
        f[k++] = (float)e2 / inner;
        f[k++] = (float)e3 / inner;
        var hs = hist.Sum();
        Array.Sort(hist);
        for (var b = 7; b >= 0; b--) f[k++] = hs > 0 ? (float)(hist[b] / hs) : 0;
        var tr = jxx + jyy;
        f[k++] = tr > 1e-9 ? (float)(Math.Sqrt((jxx - jyy) * (jxx - jyy) + 4 * jxy * jxy) / tr) : 0;

        // Thin dark lines: centre darker than both sides at distance d, best orientation per pixel.
        k = LineStats(g, side, 2, f, k);
        k = LineStats(g, side, 4, f, k);

        // Local contrast over 16-pixel blocks.
        var b16 = Math.Max(4, side / 14);
        var blocks = side / b16;
        var bstd = new List<double>();
        var bmean = new List<double>();
        for (var by = 0; by < blocks; by++)
            for (var bx = 0; bx < blocks; bx++)
            {
                double s = 0, s2 = 0;
                for (var y = by * b16; y < (by + 1) * b16; y++)
                    for (var x = bx * b16; x < (bx + 1) * b16; x++) { var v = g[y * side + x]; s += v; s2 += v * v; }
                var c = b16 * b16;
                var bm = s / c;
                bmean.Add(bm);
                bstd.Add(Math.Sqrt(Math.Max(0, s2 / c - bm * bm)));
            }
        f[k++] = (float)bstd.Average();
        f[k++] = (float)bstd.Max();
        f[k++] = (float)Std(bstd);
        f[k] = (float)Std(bmean);
    }

    private static int LineStats(float[] g, int side, int d, Span<float> f, int k)
    {
        var q = new Quantiles(0, 0.5f);
        double sum = 0, aniso = 0;
        int c5 = 0, c10 = 0, cnt = 0;
        float max = 0;
        for (var y = d; y < side - d; y++)
            for (var x = d; x < side - d; x++)
            {
                var i = y * side + x;
                float best = 0, total = 0;
                foreach (var (dx, dy) in Normals)
                {
                    var o = dy * d * side + dx * d;
                    var r = MathF.Min(g[i - o], g[i + o]) - g[i];
                    if (r < 0) r = 0;
                    total += r;
                    if (r > best) best = r;
                }
                sum += best; cnt++;
                if (total > 1e-4f) aniso += best / total;
                q.Add(best);
                if (best > 0.05f) c5++;
                if (best > 0.1f) c10++;
                if (best > max) max = best;
            }
        f[k++] = (float)(sum / cnt);
        f[k++] = q.At(0.95);
        f[k++] = q.At(0.99);
        f[k++] = max;
        f[k++] = (float)c5 / cnt;
        f[k++] = (float)c10 / cnt;
        f[k++] = (float)(aniso / cnt);
        return k;
    }

    private static double Std(List<double> v)
    {
        var m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Count);
    }

    /// <summary>Histogram quantiles (512 bins): exact enough for features, no sort.</summary>
    private sealed class Quantiles(float lo, float hi)
    {
        private readonly int[] _bins = new int[512];
        private int _n;

        public void Add(float v)
        {
            var b = (int)((v - lo) / (hi - lo) * 512);
            _bins[Math.Clamp(b, 0, 511)]++;
            _n++;
        }

        public float At(double p)
        {
            var target = p * _n;
            long acc = 0;
            for (var b = 0; b < 512; b++)
            {
                acc += _bins[b];
                if (acc >= target) return lo + (b + 0.5f) / 512 * (hi - lo);
            }
            return hi;
        }
    }
}

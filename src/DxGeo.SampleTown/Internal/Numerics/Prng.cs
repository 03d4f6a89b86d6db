namespace DxGeo.SampleTown.Internal.Numerics;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, published generator whose output is fixed by its algorithm
/// (unlike System.Random), so a seed means the same town on every machine and .NET version.
/// Each concern (rivers, streets, breaks…) draws from its own stream, so changing one part leaves the others unchanged.
/// </summary>
internal sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;

    public Prng(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix(ref sm); _s1 = SplitMix(ref sm); _s2 = SplitMix(ref sm); _s3 = SplitMix(ref sm);
    }

    /// <summary>An independent stream for one concern: the seed mixed with an FNV-1a hash of the name.</summary>
    public static Prng For(int seed, string stream)
    {
        var h = 14695981039346656037UL;
        foreach (var c in stream) { h ^= c; h *= 1099511628211UL; }
        return new Prng(h ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = RotL(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotL(_s3, 45);
        return result;
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / 9007199254740992.0);

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, n) without modulo bias.</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)n;
        ulong v;
        do v = NextULong(); while (v >= limit);
        return (int)(v % (ulong)n);
    }

    public int NextInt(int min, int maxInclusive) => min + NextInt(maxInclusive - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by Marsaglia's polar method (log and sqrt only).</summary>
    public double Normal()
    {
        while (true)
        {
            var u = 2 * NextDouble() - 1;
            var v = 2 * NextDouble() - 1;
            var s = u * u + v * v;
            if (s is > 0 and < 1) return u * Math.Sqrt(-2 * DetMath.Log(s) / s);
        }
    }

    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Gamma(shape, scale 1) by Marsaglia–Tsang (with the shape &lt; 1 boost).</summary>
    public double Gamma(double shape)
    {
        if (shape < 1)
            return Gamma(shape + 1) * DetMath.Pow(1 - NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do { x = Normal(); v = 1 + c * x; } while (v <= 0);
            v = v * v * v;
            var u = 1 - NextDouble();
            if (DetMath.Log(u) < 0.5 * x * x + d - d * v + d * DetMath.Log(v)) return d * v;
        }
    }

    /// <summary>Poisson count by Knuth's product method (fine for the small means used here, &lt; 30).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        var limit = DetMath.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > limit) { k++; p *= NextDouble(); }
        return k;
    }

    /// <summary>Index drawn with the given non-negative weights.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var r = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.Length - 1;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];
}

namespace DxGeo.SampleTown.Internal.Numerics;

/// <summary>
/// Sin, Cos, Exp, Log and Pow from IEEE +, −, ×, ÷ only, so that every machine computes bit-identical values
/// (Math.Sin and friends come from the platform's libm and may differ in the last bit between operating systems,
/// which could flip a random decision and change the whole town). Accuracy ~1e-15 relative, ample for a generator.
/// </summary>
internal static class DetMath
{
    public const double Pi = 3.141592653589793;
    private const double TwoPi = 6.283185307179586;
    private const double HalfPi = 1.5707963267948966;
    private const double Ln2 = 0.6931471805599453;

    public static double Sin(double x)
    {
        if (!double.IsFinite(x)) return double.NaN;
        var k = Math.Round(x / TwoPi, MidpointRounding.ToEven);
        var r = x - k * TwoPi; // in [-π, π]
        if (r > HalfPi) r = Pi - r;
        else if (r < -HalfPi) r = -Pi - r;
        // Taylor series on [-π/2, π/2]: the 23rd-order term is below 1e-17.
        var r2 = r * r;
        var term = r;
        var sum = r;
        for (var n = 1; n <= 11; n++)
        {
            term *= -r2 / ((2 * n) * (2 * n + 1));
            sum += term;
        }
        return sum;
    }

    public static double Cos(double x) => Sin(x + HalfPi);

    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x > 709) return double.PositiveInfinity;
        if (x < -745) return 0;
        var k = Math.Round(x / Ln2, MidpointRounding.ToEven);
        var r = x - k * Ln2; // |r| ≤ 0.347
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= 16; n++)
        {
            term *= r / n;
            sum += term;
        }
        return Math.ScaleB(sum, (int)k); // exact scaling by 2^k
    }

    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        var e = Math.ILogB(x);
        var m = Math.ScaleB(x, -e); // [1, 2)
        if (m > 1.4142135623730951) { m *= 0.5; e++; }
        // log(m) = 2 atanh(z), z = (m-1)/(m+1), |z| ≤ 0.172.
        var z = (m - 1) / (m + 1);
        var z2 = z * z;
        var power = z;
        var sum = 0.0;
        for (var n = 1; n <= 27; n += 2)
        {
            sum += power / n;
            power *= z2;
        }
        return e * Ln2 + 2 * sum;
    }

    public static double Pow(double x, double y) => x == 0 ? 0 : Exp(y * Log(x));
}

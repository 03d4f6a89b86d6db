namespace DxGeo.SampleTown.Internal.Numerics;

/// <summary>A smooth 1-D wiggle (three sines with random phases) for natural-looking boundaries.</summary>
internal sealed class SmoothNoise(Prng rng, double amplitudeM, double wavelengthM)
{
    private readonly double[] _phase = [rng.Uniform(0, 6.3), rng.Uniform(0, 6.3), rng.Uniform(0, 6.3)];

    public double At(double t) =>
        amplitudeM * (0.6 * DetMath.Sin(2 * DetMath.Pi * t / wavelengthM + _phase[0])
                      + 0.3 * DetMath.Sin(2 * DetMath.Pi * t / (wavelengthM * 0.43) + _phase[1])
                      + 0.1 * DetMath.Sin(2 * DetMath.Pi * t / (wavelengthM * 0.19) + _phase[2]));
}

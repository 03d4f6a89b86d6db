using System.Diagnostics;

namespace DxGeo.Benchmarks.Web;

/// <summary>Wall-clock samples and their percentiles (nearest rank).</summary>
internal sealed class Latency
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public T Time<T>(Func<T> f)
    {
        var sw = Stopwatch.StartNew();
        var r = f();
        lock (_ms) _ms.Add(sw.Elapsed.TotalMilliseconds);
        return r;
    }

    public async Task<T> TimeAsync<T>(Func<Task<T>> f)
    {
        var sw = Stopwatch.StartNew();
        var r = await f();
        lock (_ms) _ms.Add(sw.Elapsed.TotalMilliseconds);
        return r;
    }

    public double P(double q)
    {
        if (_ms.Count == 0) return double.NaN;
        var s = _ms.Order().ToList();
        return s[Math.Clamp((int)Math.Ceiling(q * s.Count) - 1, 0, s.Count - 1)];
    }

    /// <summary>CPU time of this process so far (ms), for a figure that load on the machine does not inflate.</summary>
    public static double ProcessCpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}

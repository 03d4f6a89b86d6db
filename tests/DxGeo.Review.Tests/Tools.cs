using System.Diagnostics;

namespace DxGeo.Review.Tests;

/// <summary>Runs a peer tool (sqlite3, ogrinfo, chromium) and returns its stdout; a missing tool fails the test with how to get it.</summary>
internal static class Tools
{
    public static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed ({e.Message}): apt-get install -y sqlite3 gdal-bin chromium (scripts/test.sh does)", e);
        }
        using (p)
        {
            var o = p.StandardOutput.ReadToEndAsync();
            var err = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"{tool} did not finish in 120 s"); }
            if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {p.ExitCode}: {err.Result}");
            return o.Result;
        }
    }
}

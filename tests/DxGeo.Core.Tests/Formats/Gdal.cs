using System.Diagnostics;
using System.Text;

namespace DxGeo.Core.Tests.Formats;

/// <summary>Runs GDAL's command-line tools, the peer our formats must interoperate with. A missing tool fails the
/// test with a clear message (scripts/test.sh installs gdal-bin); it is never skipped silently.</summary>
public static class Gdal
{
    public static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"GDAL tool '{tool}' is not installed (apt-get install gdal-bin; scripts/test.sh does it): {e.Message}");
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr}");
            return stdout.Result;
        }
    }

    public static string OgrInfo(params string[] args) => Run("ogrinfo", args);
    public static void Ogr2Ogr(params string[] args) => Run("ogr2ogr", args);

    /// <summary>The "Feature Count: N" line of <c>ogrinfo -so</c>.</summary>
    public static long FeatureCount(string summary)
    {
        var line = summary.Split('\n').First(l => l.StartsWith("Feature Count:", StringComparison.Ordinal));
        return long.Parse(line["Feature Count:".Length..].Trim());
    }
}

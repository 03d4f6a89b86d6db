using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DxGeo.Core.Tests.Crs;

/// <summary>Runs GDAL's command-line tools (Debian gdal-bin, installed by scripts/test.sh) as real peers.</summary>
internal static class GdalTools
{
    public static string Run(string tool, IEnumerable<string> args, string? stdin = null)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' is not installed: this test needs GDAL (apt-get install gdal-bin; scripts/test.sh does it)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null) process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
    }

    /// <summary>gdaltransform on many points at once: x = lon/easting in, (x, y) out.</summary>
    public static (double X, double Y)[] Transform(int sourceEpsg, int targetEpsg, IReadOnlyList<(double X, double Y)> points)
    {
        var input = new StringBuilder();
        foreach (var (x, y) in points) input.Append(CultureInfo.InvariantCulture, $"{x:R} {y:R}\n");
        var output = Run("gdaltransform", ["-s_srs", $"EPSG:{sourceEpsg}", "-t_srs", $"EPSG:{targetEpsg}", "-output_xy"], input.ToString());
        var result = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToArray();
        if (result.Length != points.Count) throw new InvalidOperationException($"gdaltransform returned {result.Length} points for {points.Count}");
        return result;
    }
}

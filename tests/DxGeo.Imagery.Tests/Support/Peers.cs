using System.Diagnostics;
using System.Text.Json;

namespace DxGeo.Imagery.Tests.Support;

/// <summary>Runs peer tools (exiftool, gdaltransform) for real; a missing tool fails the test with how to install it.</summary>
internal static class Peers
{
    public static string Run(string tool, string args, string? stdin = null, string aptPackage = "")
    {
        var psi = new ProcessStartInfo(tool, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
        };
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"'{tool}' is not installed: apt-get install {aptPackage} (scripts/test.sh installs it)");
        }
        using (p)
        {
            if (stdin is not null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
            var stdout = p.StandardOutput.ReadToEnd();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {args} exited {p.ExitCode}: {stderr}");
            return stdout;
        }
    }

    public static string ExifTool(string args) => Run("exiftool", args, aptPackage: "libimage-exiftool-perl");

    /// <summary>exiftool -j -n of one file: tag → value (numbers as numbers).</summary>
    public static JsonElement ExifJson(string file, string tags = "") =>
        JsonDocument.Parse(ExifTool($"-j -n -G1 {tags} \"{file}\"")).RootElement[0].Clone();

    /// <summary>lon/lat → easting/northing in <paramref name="epsg"/> with GDAL's gdaltransform.</summary>
    public static (double E, double N)[] GdalTransform(int epsg, IEnumerable<(double Lon, double Lat)> pts)
    {
        var input = string.Join("\n", pts.Select(p => FormattableString.Invariant($"{p.Lon:R} {p.Lat:R}"))) + "\n";
        var outp = Run("gdaltransform", $"-s_srs EPSG:4326 -t_srs EPSG:{epsg} -output_xy", input, "gdal-bin");
        return outp.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            var f = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        }).ToArray();
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using DxGeo.Core.Tests.Workspace;

namespace DxGeo.Core.Tests.Spatial;

/// <summary>
/// GDAL as the peer: <c>ogrinfo</c> with a spatial filter, or with the SQLite dialect, whose SpatiaLite functions
/// (ST_Transform through PROJ, ST_Distance, ST_Intersection, ST_Length) answer the same questions independently.
/// </summary>
internal static partial class OgrSql
{
    /// <summary>Rows of a SQLite-dialect query as field → text.</summary>
    public static List<Dictionary<string, string>> Query(string gpkg, string sql)
    {
        // ogrinfo exits 0 even when the SQL fails: look for GDAL's "ERROR n:" on stderr.
        var (_, stdout, stderr) = Tool.RunFull("ogrinfo", ["-ro", "-q", "-geom=NO", gpkg, "-dialect", "SQLite", "-sql", sql], expectSuccess: true);
        if (stderr.Contains("ERROR", StringComparison.Ordinal)) throw new InvalidOperationException($"ogrinfo failed on {sql}: {stderr}");
        return Parse(stdout);
    }

    /// <summary>Features of a layer whose geometry meets the box, as <c>ogrinfo -spat</c> lists them.</summary>
    public static List<Dictionary<string, string>> Spat(string gpkg, string layer, double minX, double minY, double maxX, double maxY) =>
        Parse(Tool.Run("ogrinfo", "-ro", "-q", "-geom=NO", "-spat", F(minX), F(minY), F(maxX), F(maxY), gpkg, layer));

    public static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Parse(string output)
    {
        var rows = new List<Dictionary<string, string>>();
        Dictionary<string, string>? row = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("OGRFeature(", StringComparison.Ordinal)) rows.Add(row = []);
            else if (row is not null && Field().Match(line) is { Success: true } m) row[m.Groups[1].Value] = m.Groups[2].Value.TrimEnd('\r');
        }
        return rows;
    }

    [GeneratedRegex(@"^\s+(\w+) \([\w:()]+\) = (.*)$")]
    private static partial Regex Field();
}

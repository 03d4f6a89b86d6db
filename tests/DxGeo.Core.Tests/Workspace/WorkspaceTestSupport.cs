using System.Diagnostics;
using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Workspace;

/// <summary>A temporary folder deleted with the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dxgeo-ws-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Runs the real peer tools (GDAL, sqlite3). A missing tool fails the test with the install hint.</summary>
internal static class Tool
{
    public static string Run(string exe, params string[] args) => RunFull(exe, args, expectSuccess: true).Stdout;

    public static (int Code, string Stdout, string Stderr) RunFull(string exe, string[] args, bool expectSuccess)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{exe}' is not installed: run scripts/test.sh (it installs gdal-bin, python3-gdal and sqlite3) ({e.Message})");
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (expectSuccess && p.ExitCode != 0)
                throw new InvalidOperationException($"{exe} {string.Join(' ', args)} exited {p.ExitCode}: {stderr}");
            return (p.ExitCode, stdout.Result, stderr);
        }
    }

    /// <summary>GDAL's own GeoPackage validator (Debian python3-gdal), run with Debian's python.</summary>
    public static (int Code, string Output) ValidateGpkg(string file)
    {
        const string script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
        if (!System.IO.File.Exists(script))
            throw new InvalidOperationException($"{script} is missing: install python3-gdal (scripts/test.sh does)");
        var (code, o, e) = RunFull("/usr/bin/python3", [script, file], expectSuccess: false);
        return (code, o + e);
    }
}

/// <summary>Sample features for any schema: deterministic values of each field type and a valid geometry of the layer's type.</summary>
internal static class Samples
{
    private static readonly GeometryFactory Gf = new(new PrecisionModel(), 4326);

    public static FeatureRecord Feature(LayerSchema schema, int i, Random rng)
    {
        var values = new object?[schema.Fields.Count];
        for (var k = 0; k < values.Length; k++)
        {
            var f = schema.Fields[k];
            if (f.Nullable && i % 3 == 2 && f.Name != schema.IdField) continue; // some nulls
            values[k] = f.Type switch
            {
                FieldType.Integer => (long)rng.Next(-1000, 3000),
                FieldType.Real => Math.Round(rng.NextDouble() * 1000, 6),
                FieldType.Text => f.Name == schema.IdField ? $"{schema.Name}-{i:D4}" : $"値 {i} «{f.Name}» 水道",
                FieldType.Date => new DateOnly(1960 + rng.Next(60), 1 + rng.Next(12), 1 + rng.Next(28)),
                FieldType.DateTime => new DateTimeOffset(2024, 1 + rng.Next(12), 1 + rng.Next(28), rng.Next(24), rng.Next(60), rng.Next(60), rng.Next(1000), TimeSpan.Zero),
                FieldType.Boolean => rng.Next(2) == 1,
                _ => null,
            };
        }
        return new FeatureRecord(Geometry(schema.GeometryType, i, rng), values);
    }

    public static Geometry? Geometry(LayerGeometryType t, int i, Random rng)
    {
        var x = 139.6 + rng.NextDouble() * 0.2;
        var y = 35.6 + rng.NextDouble() * 0.2;
        const double d = 0.001;
        Polygon Square(double ox, double oy) => Gf.CreatePolygon([new(ox, oy), new(ox + d, oy), new(ox + d, oy + d), new(ox, oy + d), new(ox, oy)]);
        return t switch
        {
            LayerGeometryType.None => null,
            LayerGeometryType.Point => Gf.CreatePoint(new Coordinate(x, y)),
            LayerGeometryType.LineString => Gf.CreateLineString([new(x, y), new(x + d, y + d / 2), new(x + 2 * d, y)]),
            LayerGeometryType.Polygon => Square(x, y),
            LayerGeometryType.MultiPoint => Gf.CreateMultiPointFromCoords([new(x, y), new(x + d, y)]),
            LayerGeometryType.MultiLineString => Gf.CreateMultiLineString([Gf.CreateLineString([new(x, y), new(x + d, y)])]),
            LayerGeometryType.MultiPolygon => Gf.CreateMultiPolygon([Square(x, y), Square(x + 3 * d, y)]),
            // Bridges: a mix of points and lines.
            LayerGeometryType.Geometry => i % 2 == 0 ? Gf.CreatePoint(new Coordinate(x, y)) : Gf.CreateLineString([new(x, y), new(x + d, y)]),
            _ => throw new ArgumentOutOfRangeException(nameof(t)),
        };
    }

    public static Polygon SelfIntersecting() =>
        Gf.CreatePolygon([new(139.70, 35.60), new(139.71, 35.61), new(139.71, 35.60), new(139.70, 35.61), new(139.70, 35.60)]);
}

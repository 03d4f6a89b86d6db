using System.Diagnostics;
using DxGeo.Core.Crs;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Tests;

/// <summary>The default town, generated once for all tests of the collection.</summary>
public sealed class TownFixture
{
    public SampleTown Town { get; } = SampleTownGenerator.Generate();
}

[CollectionDefinition("town")]
public sealed class TownCollection : ICollectionFixture<TownFixture>;

internal static class Metric
{
    private static readonly MetricFrame Frame = MetricFrame.ForEpsg(SampleTown.MetricEpsg);

    public static T Project<T>(T lonLat) where T : Geometry => Frame.Project(lonLat);
}

internal static class Repo
{
    /// <summary>The repository root (the folder holding DxGeo.sln), found upwards from the test's folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DxGeo.sln"))) return dir.FullName;
        throw new InvalidOperationException("DxGeo.sln not found above " + AppContext.BaseDirectory);
    }
}

internal static class Gdal
{
    /// <summary>Runs a GDAL command-line tool; fails clearly when GDAL is not installed (scripts/test.sh installs gdal-bin).</summary>
    public static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (apt-get install gdal-bin; scripts/test.sh does it)", e);
        }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({p.ExitCode}): {stderr}");
        return stdout.Result;
    }
}

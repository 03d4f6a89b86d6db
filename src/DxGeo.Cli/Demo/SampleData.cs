using DxGeo.Core.Errors;

namespace DxGeo.Cli.Demo;

internal static class SampleData
{
    /// <summary>Finds <c>sample-data/town</c> in the current folder or a parent (so the demo runs from anywhere in the repo).</summary>
    public static string FindTownFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "sample-data", "town");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DxGeoException("sample-data/town not found above the current folder; pass --sample DIR");
    }
}

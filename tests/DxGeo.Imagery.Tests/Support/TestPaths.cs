namespace DxGeo.Imagery.Tests.Support;

internal static class TestPaths
{
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "DxGeo.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (DxGeo.sln) not found above the test binaries");
    }

    public static string Caliterra => Path.Combine(RepoRoot(), "sample-data", "images", "caliterra");
    public static string CaliterraSmall => Path.Combine(Caliterra, "small");
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dxgeo-img-" + Guid.NewGuid().ToString("N")[..10]));
    public string Path { get; }
    public string Sub(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}

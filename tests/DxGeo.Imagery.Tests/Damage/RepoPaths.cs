namespace DxGeo.Imagery.Tests.Damage;

internal static class RepoPaths
{
    public static string Root()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "DxGeo.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (DxGeo.sln) not found");
    }

    public static string Model => Path.Combine(Root(), "models", "damage");
    public static string Heldout => Path.Combine(Root(), "sample-data", "images", "heldout");
}

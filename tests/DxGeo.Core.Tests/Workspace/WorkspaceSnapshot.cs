namespace DxGeo.Core.Tests.Workspace;

/// <summary>The full content of a GeoPackage as sqlite3 dumps it (every table incl. the R-tree shadow tables, and gpkg_contents).</summary>
internal static class WorkspaceSnapshot
{
    public static string Dump(string path) => Tool.Run("sqlite3", path, ".dump");
}

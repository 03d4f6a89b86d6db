namespace DxGeo.Review.Internal;

/// <summary>
/// A cheap "has anything been committed since?" check for a file workspace: size and modification time of the
/// GeoPackage and its write-ahead log, where every commit by any process lands. Null when the workspace is not a
/// file (nothing is cached then).
/// </summary>
internal static class WorkspaceStamp
{
    public static string? Of(string location)
    {
        var main = new FileInfo(location);
        if (!main.Exists) return null;
        var wal = new FileInfo(location + "-wal");
        return wal.Exists
            ? $"{main.Length}:{main.LastWriteTimeUtc.Ticks}:{wal.Length}:{wal.LastWriteTimeUtc.Ticks}"
            : $"{main.Length}:{main.LastWriteTimeUtc.Ticks}";
    }
}

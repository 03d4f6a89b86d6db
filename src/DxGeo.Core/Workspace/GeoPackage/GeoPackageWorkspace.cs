using System.Collections.Concurrent;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage.Internal;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Workspace.GeoPackage;

/// <summary>
/// The default workspace: one OGC GeoPackage 1.3 file holding every layer (features and attribute tables) and the
/// platform's own tables, readable by GDAL and QGIS as it is. Reads run on pooled reader connections (several at
/// once, from any threads); writes go through one <see cref="BeginWrite"/> transaction at a time on their own
/// connection. While open the file is in WAL mode, so readers see the last committed state while a write is in
/// progress; <see cref="Dispose"/> returns it to rollback-journal mode so the closed file is one self-contained .gpkg.
/// </summary>
public sealed class GeoPackageWorkspace : IWorkspace
{
    private readonly SqliteConnection _primary;
    private readonly object _gate = new();
    private readonly ConcurrentBag<ReaderConnection> _idle = new();
    private readonly List<ReaderConnection> _readers = new();
    private volatile Dictionary<string, LayerMeta> _catalog;
    private GeoPackageWrite? _write;
    private readonly bool _readOnly;
    private bool _wal;
    private bool _disposed;

    private GeoPackageWorkspace(string path, SqliteConnection primary, bool readOnly = false)
    {
        Location = path;
        _primary = primary;
        _readOnly = readOnly;
        try
        {
            if (!Sql.TableExists(primary, "gpkg_contents") || !Sql.TableExists(primary, "gpkg_spatial_ref_sys"))
                throw new DxGeoException($"{path}: not a GeoPackage: the gpkg_contents/gpkg_spatial_ref_sys tables are missing");
            _catalog = CatalogReader.Load(primary);
        }
        catch (SqliteException e)
        {
            primary.Dispose();
            throw new DxGeoException($"{path}: GeoPackage is damaged or unreadable ({e.Message})", e);
        }
        catch
        {
            primary.Dispose();
            throw;
        }
        // Only now that the file has proven to be a readable GeoPackage do we change anything (the journal mode).
        if (readOnly) return;
        try { _wal = Sql.Scalar(primary, "PRAGMA journal_mode = WAL") is string m && m.Equals("wal", StringComparison.OrdinalIgnoreCase); }
        catch (SqliteException) { _wal = false; } // read-only file or directory: stay in rollback-journal mode
    }

    /// <summary>Creates a new, empty GeoPackage workspace. Refuses to overwrite an existing file.</summary>
    public static GeoPackageWorkspace Create(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) || Directory.Exists(full)) throw new DxGeoException($"{full}: already exists (not overwriting it)");
        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir)) throw new DxGeoException($"{full}: folder {dir} does not exist");
        SqliteConnection? c = null;
        try
        {
            c = Connections.Open(full, create: true);
            Sql.Exec(c, "BEGIN");
            GpkgBootstrap.CreateCore(c);
            Sql.Exec(c, "COMMIT");
            return new GeoPackageWorkspace(full, c);
        }
        catch
        {
            c?.Dispose();
            SqliteConnection.ClearAllPools();
            if (File.Exists(full)) File.Delete(full);
            throw;
        }
    }

    /// <summary>Opens an existing GeoPackage (ours or another tool's). A file that is not one fails with a
    /// <see cref="DxGeoException"/> naming the file and the problem, and is left untouched.</summary>
    public static GeoPackageWorkspace Open(string path)
    {
        var full = Path.GetFullPath(path);
        FileCheck.RequireGeoPackage(full);
        return new GeoPackageWorkspace(full, Connections.Open(full));
    }

    /// <summary>Opens a GeoPackage for reading only (an import source, a file on read-only media): nothing in the
    /// file changes, not even the journal mode, and <see cref="BeginWrite"/> is refused.</summary>
    public static GeoPackageWorkspace OpenReadOnly(string path)
    {
        var full = Path.GetFullPath(path);
        FileCheck.RequireGeoPackage(full);
        return new GeoPackageWorkspace(full, Connections.Open(full, readOnly: true), readOnly: true);
    }

    public static GeoPackageWorkspace OpenOrCreate(string path) => File.Exists(path) ? Open(path) : Create(path);

    public string Location { get; }

    public IReadOnlyList<LayerInfo> ListLayers()
    {
        ReloadCatalog();
        return _catalog.Values.OrderBy(m => m.Name, StringComparer.Ordinal).Select(Info).ToList();
    }

    public LayerInfo? FindLayer(string name) => TryLayer(name) is { } m ? Info(m) : null;

    public IEnumerable<FeatureRecord> Read(string layer, FeatureQuery? query = null)
    {
        var meta = RequireLayer(layer);
        var built = QuerySql.Select(meta, query); // bad filters fail here, not at the first MoveNext
        return Stream(meta, built);
    }

    private IEnumerable<FeatureRecord> Stream(LayerMeta meta, QuerySql.Built built)
    {
        var rc = Rent();
        try
        {
            var cmd = rc.Command(built.Sql);
            QuerySql.Bind(cmd, built.Parameters);
            using var r = cmd.ExecuteReader();
            while (r.Read()) yield return RowReader.Read(r, meta, rc.GeometryReader, Location);
        }
        finally { Return(rc); }
    }

    public long Count(string layer, FeatureQuery? query = null)
    {
        var meta = RequireLayer(layer);
        var built = QuerySql.Count(meta, query);
        var rc = Rent();
        try
        {
            var cmd = rc.Command(built.Sql);
            QuerySql.Bind(cmd, built.Parameters);
            return (long)cmd.ExecuteScalar()!;
        }
        finally { Return(rc); }
    }

    public FeatureRecord? Get(string layer, long fid)
    {
        var meta = RequireLayer(layer);
        var rc = Rent();
        try
        {
            var cmd = rc.Command(QuerySql.ByFid(meta));
            QuerySql.Bind(cmd, [("@fid", fid)]);
            using var r = cmd.ExecuteReader();
            return r.Read() ? RowReader.Read(r, meta, rc.GeometryReader, Location) : null;
        }
        finally { Return(rc); }
    }

    public IWorkspaceWrite BeginWrite()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_readOnly) throw new DxGeoException($"{Location}: opened read-only; it cannot be written");
            if (_write is not null) throw new DxGeoException($"{Location}: a write is already open on this workspace (commit or dispose it first)");
            _write = new GeoPackageWrite(this, Location, new Dictionary<string, LayerMeta>(_catalog, StringComparer.OrdinalIgnoreCase));
            return _write;
        }
    }

    internal void EndWrite(GeoPackageWrite write, bool committed)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_write, write)) _write = null;
            if (committed && !_disposed) ReloadCatalogLocked();
        }
    }

    private LayerInfo Info(LayerMeta m)
    {
        var count = Count(m.Name);
        var extent = m.StoredExtent;
        if (extent is null && count > 0 && m.GeomColumn is not null) extent = ComputeExtent(m);
        return new LayerInfo(m.Schema, count, extent is null ? null : new Envelope(extent));
    }

    private Envelope? ComputeExtent(LayerMeta m)
    {
        var rc = Rent();
        try { return ExtentSql.Compute(rc.Connection, m); }
        finally { Return(rc); }
    }

    private LayerMeta? TryLayer(string name)
    {
        if (_catalog.TryGetValue(name, out var m)) return m;
        ReloadCatalog(); // another process (ogr2ogr, QGIS) may have added it
        return _catalog.GetValueOrDefault(name);
    }

    private LayerMeta RequireLayer(string name) => TryLayer(name) ?? throw new DxGeoException(
        $"{Location}: no layer '{name}'" + (_catalog.Count == 0 ? " (the workspace is empty)" : $" (layers: {string.Join(", ", _catalog.Keys.Order())})"));

    private void ReloadCatalog()
    {
        lock (_gate) ReloadCatalogLocked();
    }

    private void ReloadCatalogLocked()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _catalog = CatalogReader.Load(_primary);
    }

    private ReaderConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var rc)) return rc;
        rc = new ReaderConnection(Connections.Open(Location, readOnly: _readOnly));
        lock (_gate) _readers.Add(rc);
        return rc;
    }

    private void Return(ReaderConnection rc)
    {
        if (_disposed) rc.Dispose();
        else _idle.Add(rc);
    }

    public void Dispose()
    {
        GeoPackageWrite? write;
        lock (_gate)
        {
            if (_disposed) return;
            write = _write;
        }
        write?.Dispose(); // rolls back an uncommitted write
        lock (_gate)
        {
            _disposed = true;
            foreach (var rc in _readers) rc.Dispose();
            _readers.Clear();
            while (_idle.TryTake(out _)) { }
            if (_wal)
            {
                // Checkpoints and removes the -wal file; fails harmlessly (stays WAL) if another process has the file open.
                try { Sql.Exec(_primary, "PRAGMA journal_mode = DELETE"); }
                catch (SqliteException) { }
            }
            _primary.Dispose();
        }
    }
}

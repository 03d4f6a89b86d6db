using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage.Internal;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Workspace.GeoPackage;

/// <summary>
/// One all-or-nothing write: a dedicated connection holding a <c>BEGIN IMMEDIATE</c> transaction. Features are
/// validated before they are written; gpkg_contents extents are brought up to date at commit, inside the same
/// transaction, so a rollback also restores them (and the R-tree, which the triggers maintain).
/// </summary>
internal sealed class GeoPackageWrite : IWorkspaceWrite
{
    private readonly GeoPackageWorkspace _workspace;
    private readonly string _file;
    private readonly SqliteConnection _c;
    private readonly Dictionary<string, LayerMeta> _catalog;
    private readonly Dictionary<string, LayerWriter> _writers = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _created = new(StringComparer.OrdinalIgnoreCase);
    private bool _finished;

    public GeoPackageWrite(GeoPackageWorkspace workspace, string file, Dictionary<string, LayerMeta> catalog)
    {
        _workspace = workspace;
        _file = file;
        _catalog = catalog;
        _c = Connections.Open(file);
        try
        {
            Sql.Exec(_c, "PRAGMA cache_size = -65536"); // 64 MiB: keeps the R-tree nodes of big imports in memory
            // Plain SQL rather than SqliteTransaction, which would require every command to carry it.
            // IMMEDIATE takes the write lock now rather than at the first insert.
            Sql.Exec(_c, "BEGIN IMMEDIATE");
        }
        catch (SqliteException e)
        {
            _c.Dispose();
            _workspace.EndWrite(this, committed: false);
            throw new DxGeoException(e.SqliteErrorCode == 5
                ? $"{file}: the workspace is being written by another process; try again when it has finished"
                : $"{file}: cannot start a write ({e.Message})", e);
        }
    }

    public void CreateLayer(LayerSchema schema, bool replace = false)
    {
        Open();
        if (_catalog.TryGetValue(schema.Name, out var existing))
        {
            if (!replace) throw new DxGeoException($"{_file}: layer '{existing.Name}' already exists");
            DropLayer(existing.Name);
        }
        LayerDdl.Create(_c, schema);
        var hasGeom = schema.GeometryType != LayerGeometryType.None;
        _catalog[schema.Name] = new LayerMeta(schema, LayerDdl.FidColumn, hasGeom ? LayerDdl.GeomColumn : null,
            hasGeom ? LayerMeta.RtreeName(schema.Name, LayerDdl.GeomColumn) : null, extent: null);
        _created.Add(schema.Name);
    }

    public void DropLayer(string name)
    {
        Open();
        var meta = Require(name);
        if (_writers.Remove(meta.Name, out var w)) w.Dispose();
        LayerDdl.Drop(_c, meta);
        _catalog.Remove(meta.Name);
        _created.Remove(meta.Name);
    }

    public long Insert(string layer, FeatureRecord feature)
    {
        try { return Writer(layer).Insert(feature); }
        catch (SqliteException e) { throw WriteFailed(layer, e); }
    }

    public void Update(string layer, FeatureRecord feature)
    {
        try { Writer(layer).Update(feature); }
        catch (SqliteException e) { throw WriteFailed(layer, e); }
    }

    public void Delete(string layer, long fid)
    {
        try { Writer(layer).Delete(fid); }
        catch (SqliteException e) { throw WriteFailed(layer, e); }
    }

    /// <summary>SQLite refusing a write (a view, a read-only file, a full disk) becomes one clear error; the caller disposes the write.</summary>
    private DxGeoException WriteFailed(string layer, SqliteException e) =>
        new($"{_file}: writing layer '{layer}' failed ({e.Message})", e);

    public void Commit()
    {
        Open();
        try
        {
            foreach (var w in _writers.Values)
                w.CompleteForCommit(isNew: _created.Contains(w.Meta.Name));
            Sql.Exec(_c, "COMMIT");
        }
        catch (SqliteException e)
        {
            throw new DxGeoException($"{_file}: commit failed, nothing was written ({e.Message})", e);
        }
        _finished = true;
        Close(committed: true);
    }

    private LayerWriter Writer(string layer)
    {
        Open();
        var meta = Require(layer);
        if (!_writers.TryGetValue(meta.Name, out var w))
            _writers[meta.Name] = w = new LayerWriter(_c, meta, _file);
        return w;
    }

    private LayerMeta Require(string name) => _catalog.GetValueOrDefault(name)
        ?? throw new DxGeoException($"{_file}: no layer '{name}'");

    private void Open()
    {
        if (_finished) throw new InvalidOperationException("this write has been committed or disposed; begin a new one");
    }

    private void Close(bool committed)
    {
        foreach (var w in _writers.Values) w.Dispose();
        _writers.Clear();
        _c.Dispose();
        _workspace.EndWrite(this, committed);
    }

    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        try { Sql.Exec(_c, "ROLLBACK"); }
        catch (SqliteException) { } // the connection already rolled back (e.g. after a failed commit)
        Close(committed: false);
    }
}

using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SQLitePCL;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Writes the features of one layer within a write transaction: prepared INSERT/UPDATE/DELETE statements reused for
/// every feature, values validated and encoded into a reused buffer, geometry blobs written into a reused stream,
/// the R-tree maintained directly (<see cref="RtreeMaintenance"/>), and the extent of what was added tracked so
/// gpkg_contents can be updated at commit without a scan.
/// </summary>
internal sealed class LayerWriter : IDisposable
{
    private readonly SqliteConnection _c;
    private readonly string _file;
    private readonly object[] _encoded;
    private readonly GeoPackageGeoWriter _geometryWriter = new() { HandleOrdinates = Ordinates.XY };
    private readonly ReusableStream _blob = new();
    private readonly Envelope _added = new();
    private readonly RtreeMaintenance? _rtree;
    private RawStatement? _insert, _insertWithFid, _update, _delete;
    private long _index;
    private bool _changedExisting;

    public LayerWriter(SqliteConnection c, LayerMeta meta, string file)
    {
        _c = c;
        Meta = meta;
        _file = file;
        _encoded = new object[meta.Schema.Fields.Count];
        if (meta.RtreeTable is not null) _rtree = new RtreeMaintenance(c, meta);
    }

    public LayerMeta Meta { get; }
    private LayerSchema Schema => Meta.Schema;

    public long Insert(FeatureRecord f)
    {
        var index = _index++;
        Encode(f, index);
        var st = f.Fid is null ? _insert ??= new RawStatement(_c, InsertSql(withFid: false)) : _insertWithFid ??= new RawStatement(_c, InsertSql(withFid: true));
        var at = 0;
        if (f.Fid is { } fid) st.Bind(at++, fid);
        at = BindRow(st, at);
        try { st.Execute(); }
        catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_CONSTRAINT)
        {
            throw Fail(index, f, f.Fid is not null ? "fid" : "(row)",
                f.Fid is { } id ? $"fid {id} already exists or a constraint failed ({e.Message})" : $"a constraint failed ({e.Message})");
        }
        var newFid = st.LastInsertRowId;
        if (f.Geometry is not null)
        {
            _added.ExpandToInclude(f.Geometry.EnvelopeInternal);
            _rtree?.Put(newFid, f.Geometry.EnvelopeInternal);
        }
        return newFid;
    }

    public void Update(FeatureRecord f)
    {
        var fid = f.Fid ?? throw new DxGeoException($"{_file}: layer '{Meta.Name}': an update needs the feature's fid");
        Encode(f, index: null);
        var st = _update ??= new RawStatement(_c, UpdateSql());
        var at = BindRow(st, 0);
        st.Bind(at, fid);
        if (st.Execute() == 0) throw new DxGeoException($"{_file}: layer '{Meta.Name}' has no feature with fid {fid}");
        if (f.Geometry is not null) _rtree?.Put(fid, f.Geometry.EnvelopeInternal);
        _changedExisting = true;
    }

    public void Delete(long fid)
    {
        var st = _delete ??= new RawStatement(_c, $"DELETE FROM {Meta.Table} WHERE {Sql.Id(Meta.FidColumn)} = ?");
        st.Bind(0, fid);
        if (st.Execute() == 0) throw new DxGeoException($"{_file}: layer '{Meta.Name}' has no feature with fid {fid}");
        _rtree?.Remove(fid);
        _changedExisting = true;
    }

    /// <summary>Re-creates the R-tree triggers and brings gpkg_contents up to date: the extent grows by what was
    /// inserted; after updates or deletes (or when no extent was recorded) it is recomputed exactly.</summary>
    public void CompleteForCommit(bool isNew)
    {
        _rtree?.Restore();
        if (Meta.GeomColumn is not null)
        {
            Envelope? extent;
            if (_changedExisting || (!isNew && Meta.StoredExtent is null)) extent = ExtentSql.Compute(_c, Meta);
            else
            {
                extent = new Envelope(_added);
                if (!isNew && Meta.StoredExtent is { } stored) extent.ExpandToInclude(stored);
            }
            var none = extent is null || extent.IsNull;
            Sql.Exec(_c, "UPDATE gpkg_contents SET min_x = @a, min_y = @b, max_x = @c, max_y = @d, " +
                         "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE lower(table_name) = lower(@t)",
                ("@a", none ? null : extent!.MinX), ("@b", none ? null : extent!.MinY),
                ("@c", none ? null : extent!.MaxX), ("@d", none ? null : extent!.MaxY), ("@t", Meta.Name));
        }
        else
        {
            Sql.Exec(_c, "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE lower(table_name) = lower(@t)",
                ("@t", Meta.Name));
        }
    }

    /// <summary>Validates the feature, encodes its values into <see cref="_encoded"/> and its geometry into <see cref="_blob"/>.</summary>
    private void Encode(FeatureRecord f, long? index)
    {
        var problem = FeatureValidator.CheckGeometry(Schema, f.Geometry) ?? FeatureValidator.Encode(Schema, f, _encoded);
        if (problem is not null) throw Fail(index, f, problem.Field, problem.Reason);
        _blob.SetLength(0);
        if (f.Geometry is null) return;
        _geometryWriter.Write(f.Geometry, _blob);
        GpkgBlob.SetSrsId(_blob.GetBuffer().AsSpan(0, (int)_blob.Length), Schema.Srid);
    }

    /// <summary>Binds geometry (when the layer has one) and field values from position <paramref name="at"/>; returns the next position.</summary>
    private int BindRow(RawStatement st, int at)
    {
        if (Meta.GeomColumn is not null)
        {
            if (_blob.Length == 0) st.Bind(at++, (object?)null);
            else st.BindBlob(at++, _blob.GetBuffer().AsSpan(0, (int)_blob.Length));
        }
        for (var i = 0; i < _encoded.Length; i++) st.Bind(at++, _encoded[i]);
        return at;
    }

    private InputDataException Fail(long? index, FeatureRecord f, string field, string reason)
    {
        string? id = null;
        if (Schema.IdField is { } idField && Schema.IndexOf(idField) is var i and >= 0 && i < f.Values.Length)
            id = f.Values[i]?.ToString();
        id ??= f.Fid?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new InputDataException($"layer '{Meta.Name}': {reason}", file: _file, featureIndex: index, featureId: id, field: field);
    }

    private IEnumerable<string> RowColumns()
    {
        if (Meta.GeomColumn is not null) yield return Sql.Id(Meta.GeomColumn);
        foreach (var f in Schema.Fields) yield return Sql.Id(f.Name);
    }

    private string InsertSql(bool withFid)
    {
        var cols = (withFid ? RowColumns().Prepend(Sql.Id(Meta.FidColumn)) : RowColumns()).ToList();
        return $"INSERT INTO {Meta.Table} ({string.Join(", ", cols)}) VALUES ({string.Join(", ", cols.Select(_ => "?"))})";
    }

    private string UpdateSql() =>
        $"UPDATE {Meta.Table} SET {string.Join(", ", RowColumns().Select(c => $"{c} = ?"))} WHERE {Sql.Id(Meta.FidColumn)} = ?";

    public void Dispose()
    {
        _insert?.Dispose(); _insertWithFid?.Dispose(); _update?.Dispose(); _delete?.Dispose();
        _rtree?.Dispose();
    }

    /// <summary>The NTS writer disposes the stream it is given; this one stays open so its buffer is reused.</summary>
    private sealed class ReusableStream : MemoryStream
    {
        protected override void Dispose(bool disposing) { }
    }
}

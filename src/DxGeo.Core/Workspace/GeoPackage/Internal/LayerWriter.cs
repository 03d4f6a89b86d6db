using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SQLitePCL;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// Writes the features of one layer within a write transaction: prepared INSERT/UPDATE/DELETE commands reused for
/// every feature, values validated and encoded into a reused buffer, the R-tree maintained directly
/// (<see cref="RtreeMaintenance"/>), and the extent of what was added tracked so gpkg_contents can be updated at
/// commit without a scan.
/// </summary>
internal sealed class LayerWriter : IDisposable
{
    private readonly SqliteConnection _c;
    private readonly string _file;
    private readonly object[] _encoded;
    private readonly GeoPackageGeoWriter _geometryWriter = new() { HandleOrdinates = Ordinates.XY };
    private readonly Envelope _added = new();
    private readonly RtreeMaintenance? _rtree;
    private SqliteCommand? _insert, _insertWithFid, _update, _delete;
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
        var blob = Encode(f, index);
        var cmd = f.Fid is null ? _insert ??= Prepare(InsertSql(withFid: false)) : _insertWithFid ??= Prepare(InsertSql(withFid: true));
        var p = cmd.Parameters;
        var at = 0;
        if (f.Fid is { } fid) p[at++].Value = fid;
        if (Meta.GeomColumn is not null) p[at++].Value = (object?)blob ?? DBNull.Value;
        for (var i = 0; i < _encoded.Length; i++) p[at + i].Value = _encoded[i];
        try { cmd.ExecuteNonQuery(); }
        catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_CONSTRAINT)
        {
            throw Fail(index, f, f.Fid is not null ? "fid" : "(row)",
                f.Fid is { } id ? $"fid {id} already exists or a constraint failed ({e.Message})" : $"a constraint failed ({e.Message})");
        }
        var newFid = raw.sqlite3_last_insert_rowid(_c.Handle);
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
        var blob = Encode(f, index: null);
        var cmd = _update ??= Prepare(UpdateSql());
        var p = cmd.Parameters;
        var at = 0;
        if (Meta.GeomColumn is not null) p[at++].Value = (object?)blob ?? DBNull.Value;
        for (var i = 0; i < _encoded.Length; i++) p[at + i].Value = _encoded[i];
        p[^1].Value = fid;
        if (cmd.ExecuteNonQuery() == 0) throw new DxGeoException($"{_file}: layer '{Meta.Name}' has no feature with fid {fid}");
        if (f.Geometry is not null) _rtree?.Put(fid, f.Geometry.EnvelopeInternal);
        _changedExisting = true;
    }

    public void Delete(long fid)
    {
        var cmd = _delete ??= Prepare($"DELETE FROM {Meta.Table} WHERE {Sql.Id(Meta.FidColumn)} = @fid");
        cmd.Parameters[0].Value = fid;
        if (cmd.ExecuteNonQuery() == 0) throw new DxGeoException($"{_file}: layer '{Meta.Name}' has no feature with fid {fid}");
        _rtree?.Remove(fid);
        _changedExisting = true;
    }

    /// <summary>Re-creates the R-tree triggers and brings gpkg_contents up to date: the extent grows by what was inserted; after updates or deletes
    /// (or when no extent was recorded) it is recomputed exactly.</summary>
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

    private byte[]? Encode(FeatureRecord f, long? index)
    {
        var problem = FeatureValidator.CheckGeometry(Schema, f.Geometry) ?? FeatureValidator.Encode(Schema, f, _encoded);
        if (problem is not null) throw Fail(index, f, problem.Field, problem.Reason);
        if (f.Geometry is null) return null;
        var blob = _geometryWriter.Write(f.Geometry);
        GpkgBlob.SetSrsId(blob, Schema.Srid);
        return blob;
    }

    private InputDataException Fail(long? index, FeatureRecord f, string field, string reason)
    {
        string? id = null;
        if (Schema.IdField is { } idField && Schema.IndexOf(idField) is var i and >= 0 && i < f.Values.Length)
            id = f.Values[i]?.ToString();
        id ??= f.Fid?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new InputDataException($"layer '{Meta.Name}': {reason}", file: _file, featureIndex: index, featureId: id, field: field);
    }

    private string InsertSql(bool withFid)
    {
        var cols = new List<string>();
        if (withFid) cols.Add(Sql.Id(Meta.FidColumn));
        if (Meta.GeomColumn is not null) cols.Add(Sql.Id(Meta.GeomColumn));
        cols.AddRange(Schema.Fields.Select(f => Sql.Id(f.Name)));
        var values = Enumerable.Range(0, cols.Count).Select(i => $"@p{i}");
        return $"INSERT INTO {Meta.Table} ({string.Join(", ", cols)}) VALUES ({string.Join(", ", values)})";
    }

    private string UpdateSql()
    {
        var cols = new List<string>();
        if (Meta.GeomColumn is not null) cols.Add(Sql.Id(Meta.GeomColumn));
        cols.AddRange(Schema.Fields.Select(f => Sql.Id(f.Name)));
        var sets = cols.Select((c, i) => $"{c} = @p{i}");
        return $"UPDATE {Meta.Table} SET {string.Join(", ", sets)} WHERE {Sql.Id(Meta.FidColumn)} = @p{cols.Count}";
    }

    private SqliteCommand Prepare(string sql)
    {
        var cmd = _c.CreateCommand();
        cmd.CommandText = sql;
        var n = sql.Split("@p").Length - 1;
        if (sql.Contains("@fid")) cmd.Parameters.Add(new SqliteParameter("@fid", DBNull.Value));
        for (var i = 0; i < n; i++) cmd.Parameters.Add(new SqliteParameter($"@p{i}", DBNull.Value));
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        _insert?.Dispose(); _insertWithFid?.Dispose(); _update?.Dispose(); _delete?.Dispose();
        _rtree?.Dispose();
    }
}

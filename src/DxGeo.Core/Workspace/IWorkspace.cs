using DxGeo.Core.Features;

namespace DxGeo.Core.Workspace;

/// <summary>
/// The store every capability reads and writes: layers of features plus the platform's own tables.
/// The embedded default is one GeoPackage file (<c>GeoPackageWorkspace</c>); a PostGIS store can implement the same.
/// Reads may run while no write is open; all writes go through <see cref="BeginWrite"/> and are all-or-nothing.
/// </summary>
public interface IWorkspace : IDisposable
{
    /// <summary>Where the workspace lives (file path or connection description), for messages.</summary>
    string Location { get; }

    IReadOnlyList<LayerInfo> ListLayers();

    /// <summary>The layer's description, or null when it does not exist.</summary>
    LayerInfo? FindLayer(string name);

    /// <summary>Streams the layer's features matching <paramref name="query"/> (bbox answered by the spatial index).</summary>
    IEnumerable<FeatureRecord> Read(string layer, FeatureQuery? query = null);

    /// <summary>How many features match the query's filters; Offset and Limit are ignored (the "number matched").</summary>
    long Count(string layer, FeatureQuery? query = null);

    FeatureRecord? Get(string layer, long fid);

    /// <summary>Opens the single write transaction. Nothing is visible to readers or persisted until <see cref="IWorkspaceWrite.Commit"/>;
    /// disposing without commit rolls everything back.</summary>
    IWorkspaceWrite BeginWrite();
}

/// <summary>One all-or-nothing write to the workspace.</summary>
public interface IWorkspaceWrite : IDisposable
{
    /// <summary>Creates the layer (table, CRS registration, spatial index). With <paramref name="replace"/> an existing one is dropped first.</summary>
    void CreateLayer(LayerSchema schema, bool replace = false);
    void DropLayer(string name);
    /// <summary>Inserts and returns the new fid (or keeps <c>feature.Fid</c> when set). Geometry must be valid and of the
    /// layer's type and CRS; a bad feature throws <see cref="Errors.InputDataException"/> naming its index, id and field.</summary>
    long Insert(string layer, FeatureRecord feature);
    /// <summary>Replaces the attributes and geometry of feature <c>feature.Fid</c>.</summary>
    void Update(string layer, FeatureRecord feature);
    void Delete(string layer, long fid);
    void Commit();
}

using System.Collections.Concurrent;
using DxGeo.Core.Workspace;

namespace DxGeo.Web.Tiles.Internal;

/// <summary>
/// One <see cref="MercatorSnapshot"/> per layer, rebuilt when the workspace's version changes (another process
/// wrote to it). Concurrent first requests of a layer build it once.
/// </summary>
internal sealed class TileSnapshots
{
    private readonly ConcurrentDictionary<string, (long Version, Lazy<MercatorSnapshot> Snapshot)> _layers = new(StringComparer.Ordinal);

    public MercatorSnapshot Get(IWorkspace ws, LayerInfo layer, long version)
    {
        var entry = _layers.AddOrUpdate(layer.Name,
            _ => New(ws, layer, version),
            (_, old) => old.Version == version ? old : New(ws, layer, version));
        try { return entry.Snapshot.Value; }
        catch
        {
            _layers.TryRemove(new KeyValuePair<string, (long, Lazy<MercatorSnapshot>)>(layer.Name, entry));
            throw;
        }
    }

    private static (long, Lazy<MercatorSnapshot>) New(IWorkspace ws, LayerInfo layer, long version) =>
        (version, new Lazy<MercatorSnapshot>(() => new MercatorSnapshot(ws, layer, TileBuilder.TileFields(layer.Schema))));
}

using DxGeo.Core.Assets.Layers;

namespace DxGeo.Core.Workspace;

/// <summary>Typed access to asset layers through their <see cref="IAssetLayer{T}"/> mappings.</summary>
public static class WorkspaceExtensions
{
    /// <summary>Streams the layer's features as typed assets.</summary>
    public static IEnumerable<T> ReadAll<T>(this IWorkspace ws, IAssetLayer<T> layer, FeatureQuery? query = null) =>
        ws.Read(layer.Schema.Name, query).Select(layer.FromRecord);

    /// <summary>Inserts every item (in the caller's write; nothing is committed here) and returns how many.</summary>
    public static long InsertAll<T>(this IWorkspaceWrite w, IAssetLayer<T> layer, IEnumerable<T> items)
    {
        var name = layer.Schema.Name;
        long n = 0;
        foreach (var item in items)
        {
            w.Insert(name, layer.ToRecord(item));
            n++;
        }
        return n;
    }
}

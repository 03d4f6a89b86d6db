using DxGeo.Core.Workspace;

namespace DxGeo.Web.Internal;

/// <summary>The workspace the server reads (never writes) and its options; one per server.</summary>
internal sealed class ServedWorkspace(IWorkspace workspace, WebServerOptions options)
{
    public IWorkspace Workspace { get; } = workspace;
    public WebServerOptions Options { get; } = options;

    /// <summary>The layer named in a URL, or a 404 problem listing the layers there are.</summary>
    public LayerInfo RequireLayer(string name)
    {
        // Names in URLs are matched exactly against the catalogue: no path or SQL fragment ever reaches the store.
        var info = Workspace.FindLayer(name);
        if (info is null || !string.Equals(info.Name, name, StringComparison.Ordinal))
            throw ProblemException.NotFound($"no collection '{name}' (collections: {string.Join(", ", Workspace.ListLayers().Select(l => l.Name))})");
        return info;
    }
}

using DxGeo.Core.Workspace;
using DxGeo.Review;

namespace DxGeo.Web.Review.Internal;

/// <summary>
/// The workspace as the public, read-only endpoints (OGC API, tiles, map API) see it: the review workflow's private
/// tables (accounts with password hashes, decisions, settings, audit trail) do not exist there, and it cannot be written.
/// </summary>
internal sealed class PublicWorkspace(IWorkspace inner) : IWorkspace
{
    private static bool Hidden(string layer) => ReviewStore.PrivateLayers.Contains(layer);

    public string Location => inner.Location;

    public IReadOnlyList<LayerInfo> ListLayers() => inner.ListLayers().Where(l => !Hidden(l.Name)).ToList();

    public LayerInfo? FindLayer(string name) => Hidden(name) ? null : inner.FindLayer(name);

    public IEnumerable<Core.Features.FeatureRecord> Read(string layer, FeatureQuery? query = null) => inner.Read(Visible(layer), query);

    public long Count(string layer, FeatureQuery? query = null) => inner.Count(Visible(layer), query);

    public Core.Features.FeatureRecord? Get(string layer, long fid) => inner.Get(Visible(layer), fid);

    public IWorkspaceWrite BeginWrite() => throw new InvalidOperationException("the public view of the workspace is read-only");

    // The owner of the inner workspace disposes it.
    public void Dispose() { }

    private static string Visible(string layer) => Hidden(layer)
        ? throw new Core.Errors.DxGeoException($"no layer '{layer}'") : layer;
}

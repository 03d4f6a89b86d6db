using DxGeo.Core.Features;
using DxGeo.Core.Workspace;

namespace DxGeo.Imagery.Images;

/// <summary>Looks an ingested photo up by its image id: the one way the web map and the review page find a photo's files.</summary>
public static class ImageRows
{
    /// <summary>The <c>images</c> row of <paramref name="imageId"/>, or null when there is no such image (or no images layer).</summary>
    public static FeatureRecord? Find(IWorkspace workspace, string imageId)
    {
        if (workspace.FindLayer(ImagesLayer.Name) is null) return null;
        return workspace.Read(ImagesLayer.Name, new FeatureQuery
        {
            AttributeEquals = new Dictionary<string, object?> { ["image_id"] = imageId }, Limit = 1,
        }).FirstOrDefault();
    }
}

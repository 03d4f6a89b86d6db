using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Images;

namespace DxGeo.Review.Internal;

/// <summary>Rows of the <c>images</c> layer by id.</summary>
internal static class ImageRecords
{
    public static FeatureRecord? Find(ReviewStore store, string imageId)
    {
        if (store.Workspace.FindLayer(ImagesLayer.Name) is null) return null;
        return store.Workspace.Read(ImagesLayer.Name, new FeatureQuery
        {
            AttributeEquals = new Dictionary<string, object?> { ["image_id"] = imageId }, Limit = 1,
        }).FirstOrDefault();
    }
}

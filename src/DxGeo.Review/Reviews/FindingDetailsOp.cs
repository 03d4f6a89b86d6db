using DxGeo.Core.Workspace;
using DxGeo.Review.Images;
using DxGeo.Review.Reviews.Internal;

namespace DxGeo.Review.Reviews;

/// <summary>Everything the finding page shows: the finding, its photo and flight neighbours, the decisions so far
/// and the asset's geometry.</summary>
public sealed record FindingDetails(FindingView Finding, ReviewImage? Image, ReviewImage? Previous, ReviewImage? Next,
    IReadOnlyList<DecisionRecord> Decisions, NetTopologySuite.Geometries.Geometry? AssetGeometry, bool TwoReviewers);

public static class FindingDetailsOp
{
    public static FindingDetails Run(ReviewStore store, ImageFiles images, string findingId)
    {
        var f = FindingWrites.Load(store, findingId);
        var img = images.Find(f.ImageId);
        var (prev, next) = img is null ? (null, null) : images.Neighbours(img);
        NetTopologySuite.Geometries.Geometry? asset = null;
        if (f.AssetLayer is { } layer && f.AssetId is { } id && store.Workspace.FindLayer(layer) is { Schema.IdField: { } idField })
            asset = store.Workspace.Read(layer, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [idField] = id }, Limit = 1 })
                .FirstOrDefault()?.Geometry;
        return new FindingDetails(f, img, prev, next, DecisionRecord.For(store, findingId), asset, ReviewSettings.TwoReviewers(store));
    }
}

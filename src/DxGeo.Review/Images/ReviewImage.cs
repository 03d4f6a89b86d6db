namespace DxGeo.Review.Images;

/// <summary>A photo as the reviewer needs it: size, place in its flight, heat map (JSON array of [x, y, w, h, score]).</summary>
public sealed record ReviewImage(string ImageId, string FileName, string? FlightId, DateTimeOffset? CapturedAt, int WidthPx, int HeightPx,
    double? Score, string? HeatmapJson, double? GsdCmPerPx, NetTopologySuite.Geometries.Geometry? Footprint);

namespace DxGeo.Imagery.Ingest;

/// <summary>How <see cref="ImageIngestOp"/> places and stores photos.</summary>
public sealed record ImageIngestOptions
{
    /// <summary>Link every photo to this flight (a <c>flight_tracks.flight_id</c> or <c>planned_flights.plan_id</c>) instead of matching by time.</summary>
    public string? FlightId { get; init; }
    /// <summary>Ground elevation above sea level (m) for photos without relative altitude; wins over the flight log's take-off elevation.</summary>
    public double? GroundElevationM { get; init; }
    /// <summary>Planning camera preset that overrides the EXIF camera (e.g. a camera that records no focal length).</summary>
    public string? CameraPresetId { get; init; }
    /// <summary>Folder for thumbnails (<c>&lt;image_id&gt;.jpg</c>); null: no thumbnails.</summary>
    public string? ThumbnailDir { get; init; }
    public int ThumbnailMaxPx { get; init; } = 256;
    /// <summary>Photos per write transaction.</summary>
    public int ChunkSize { get; init; } = 64;
    /// <summary>Photos read (hash, metadata, thumbnail) at the same time.</summary>
    public int Parallelism { get; init; } = 2;
}

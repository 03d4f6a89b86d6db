namespace DxGeo.Imagery.Scoring;

/// <summary>Which images <see cref="ImageScoringOp"/> scores and how.</summary>
public sealed record ImageScoringOptions
{
    /// <summary>Only the photos of this flight (<c>images.flight_id</c>).</summary>
    public string? FlightId { get; init; }
    /// <summary>Also score photos already scored by another model (a photo scored by the same model is never rescored).</summary>
    public bool RescoreOtherModels { get; init; }
    /// <summary>Photos scored at the same time (each holds one decoded photo).</summary>
    public int Parallelism { get; init; } = 2;
    /// <summary>Photos per write transaction.</summary>
    public int ChunkSize { get; init; } = 16;
    /// <summary>Most findings raised per photo (its best regions).</summary>
    public int MaxFindingsPerImage { get; init; } = 20;
}

/// <summary>What a scoring run did.</summary>
public sealed record ImageScoringReport(int Scored, int Flagged, int FindingsCreated, IReadOnlyList<Ingest.RejectedPhoto> Failed);

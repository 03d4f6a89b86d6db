namespace DxGeo.Imagery.Ingest;

/// <summary>A photo that was not ingested, and why.</summary>
public sealed record RejectedPhoto(string Path, string Reason);

/// <summary>What an ingest did: new photos, known photos found at a new path, known photos unchanged, refused files.</summary>
public sealed record ImageIngestReport(int Added, int Relinked, int Unchanged, IReadOnlyList<RejectedPhoto> Rejected)
{
    public int Seen => Added + Relinked + Unchanged + Rejected.Count;
}

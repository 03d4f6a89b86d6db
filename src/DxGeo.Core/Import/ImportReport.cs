namespace DxGeo.Core.Import;

/// <summary>One value or feature that could not be taken as it was: where (feature index/id, field), what, why.</summary>
public sealed record ImportProblem(long FeatureIndex, string? FeatureId, string Field, string Reason)
{
    public override string ToString() =>
        $"feature #{FeatureIndex}{(FeatureId is null ? "" : $" (id '{FeatureId}')")}, field '{Field}': {Reason}";
}

/// <summary>What an import did. Only produced for a committed import; a failed one throws and changes nothing.</summary>
public sealed record ImportReport
{
    public required string File { get; init; }
    public required string Format { get; init; }
    public required string Layer { get; init; }
    /// <summary>"created", "replaced" or "appended".</summary>
    public required string Mode { get; init; }
    public long FeaturesRead { get; init; }
    public long FeaturesImported { get; init; }
    /// <summary>EPSG code of the file's coordinates (declared, given with --srid, or assumed 4326).</summary>
    public int SourceEpsg { get; init; }
    /// <summary>Layer field → source column it was filled from.</summary>
    public IReadOnlyDictionary<string, string> FieldSources { get; init; } = new Dictionary<string, string>();
    /// <summary>Source columns no layer field took.</summary>
    public IReadOnlyList<string> UnmappedColumns { get; init; } = [];
    /// <summary>Layer fields no source column filled (left null, defaulted or computed).</summary>
    public IReadOnlyList<string> UnfilledFields { get; init; } = [];
    /// <summary>Values stored as null because they could not be converted (with <see cref="ImportOptions.InvalidValuesAsNull"/>).</summary>
    public long UnparseableCount { get; init; }
    public IReadOnlyList<ImportProblem> UnparseableExamples { get; init; } = [];
    /// <summary>How many source values a --values map translated.</summary>
    public long ValuesMapped { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

namespace DxGeo.Core.Features;

/// <summary>
/// The shape of one layer: name, geometry type, CRS (EPSG code) and attribute fields.
/// Workspace layers are stored in EPSG:4326 lon/lat (x = lon); metric work happens in a projected CRS.
/// </summary>
public sealed record LayerSchema
{
    public required string Name { get; init; }
    public required LayerGeometryType GeometryType { get; init; }
    public int Srid { get; init; } = 4326;
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Name of a Date/DateTime field that gives the feature's time (for datetime filters), if any.</summary>
    public string? TimeField { get; init; }
    /// <summary>Name of the text field that holds the business id (e.g. "pipe_id"), if any.</summary>
    public string? IdField { get; init; }
    /// <summary>Other fields looked up by equality (e.g. findings by <c>asset_id</c>): each gets an index when the layer
    /// is created, so those lookups are not full scans. The id field is always indexed.</summary>
    public IReadOnlyList<string> LookupFields { get; init; } = [];

    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (string.Equals(Fields[i].Name, field, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    public FieldDefinition? Find(string field) => IndexOf(field) is var i and >= 0 ? Fields[i] : null;
}

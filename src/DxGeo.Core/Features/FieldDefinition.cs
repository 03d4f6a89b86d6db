namespace DxGeo.Core.Features;

/// <summary>One attribute column of a layer.</summary>
/// <param name="Name">Column name as stored (snake_case ASCII, documented in README's data dictionary).</param>
/// <param name="Type">Value type.</param>
/// <param name="Nullable">Whether null is allowed.</param>
/// <param name="Description">Human description (English / 日本語), shown in the data dictionary and the web map.</param>
public sealed record FieldDefinition(string Name, FieldType Type, bool Nullable = true, string? Description = null);

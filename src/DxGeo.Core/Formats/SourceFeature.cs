using NetTopologySuite.Geometries;

namespace DxGeo.Core.Formats;

/// <summary>One feature as a foreign file holds it, before field mapping and type conversion.</summary>
/// <param name="Index">0-based position in the file (the "feature #" of error messages).</param>
/// <param name="Geometry">Geometry in the source CRS (<see cref="IFeatureSource.DeclaredEpsg"/>), or null.</param>
/// <param name="Properties">Attribute values by source column name: string, long, double, bool, DateOnly or null
/// (nested JSON values arrive as their JSON text).</param>
/// <param name="Id">The feature's own id where the format has one (GeoJSON "id", GeoPackage fid), for messages.</param>
public sealed record SourceFeature(long Index, Geometry? Geometry, IReadOnlyDictionary<string, object?> Properties, string? Id = null);

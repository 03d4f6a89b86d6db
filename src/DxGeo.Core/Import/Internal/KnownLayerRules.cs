using DxGeo.Core.Assets.Layers;
using DxGeo.Core.Crs;
using DxGeo.Core.Features;

namespace DxGeo.Core.Import.Internal;

/// <summary>
/// What importing into one of the platform's own layers adds to plain field copying: defaults for required codes
/// a ledger may leave out (material → UNK, status → in_service), fields computed rather than read (a pipe's
/// length_m, measured on its geometry in a metric CRS), and a round trip through the typed asset
/// (FromRecord → ToRecord), which validates codes and stores them in canonical form ("DuctileIron" → "DCIP").
/// </summary>
internal sealed class KnownLayerRules
{
    private readonly Func<FeatureRecord, FeatureRecord> _roundTrip;
    private readonly Dictionary<string, object> _defaults;
    private readonly Action<FeatureRecord, LayerSchema>? _derive;

    private KnownLayerRules(Func<FeatureRecord, FeatureRecord> roundTrip, Dictionary<string, object>? defaults = null,
        Action<FeatureRecord, LayerSchema>? derive = null, params string[] derived)
    {
        _roundTrip = roundTrip;
        _defaults = defaults ?? [];
        _derive = derive;
        DerivedFields = derived;
    }

    /// <summary>Fields the importer computes (a mapped source column for them is ignored, with a warning).</summary>
    public IReadOnlyList<string> DerivedFields { get; }

    public static KnownLayerRules? For(string layer) => layer.ToLowerInvariant() switch
    {
        "water_pipes" => new(Trip(AssetLayers.Pipes), new() { ["material"] = "UNK", ["status"] = "in_service" },
            (r, s) => r.Values[s.IndexOf("length_m")] = Math.Round(GeoMeasure.LengthM(r.Geometry!), 3), "length_m"),
        "pipe_breaks" => new(Trip(AssetLayers.Breaks), new() { ["type"] = "other" }),
        "bridges" => new(Trip(AssetLayers.Bridges)),
        "levees" => new(Trip(AssetLayers.Levees)),
        "soil" => new(Trip(AssetLayers.Soil)),
        "flood_zones" => new(Trip(AssetLayers.FloodZones)),
        "no_fly_zones" => new(Trip(AssetLayers.NoFlyZones)),
        "roads" => new(Trip(AssetLayers.Roads)),
        "facilities" => new(Trip(AssetLayers.Facilities)),
        "road_works" => new(Trip(AssetLayers.RoadWorks)),
        _ => null,
    };

    private static Func<FeatureRecord, FeatureRecord> Trip<T>(IAssetLayer<T> layer) => r => layer.ToRecord(layer.FromRecord(r));

    /// <summary>Fills defaults and required booleans, computes derived fields, then validates through the typed asset.
    /// Throws <see cref="Errors.InputDataException"/> naming the field (from the typed layer).</summary>
    public FeatureRecord Apply(FeatureRecord r, LayerSchema schema)
    {
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            if (r.Values[i] is not null) continue;
            var f = schema.Fields[i];
            if (_defaults.TryGetValue(f.Name, out var d)) r.Values[i] = d;
            else if (f.Type == FieldType.Boolean && !f.Nullable) r.Values[i] = false;
        }
        if (r.Geometry is not null) _derive?.Invoke(r, schema);
        var canonical = _roundTrip(r);
        canonical.Geometry = r.Geometry; // keep the coerced instance (ToRecord may hand back a narrower type)
        return canonical;
    }

    /// <summary>A required field (not nullable) that is neither defaulted nor derived: the source must provide it.</summary>
    public bool MustBeProvided(FieldDefinition f) =>
        !f.Nullable && f.Type != FieldType.Boolean && !_defaults.ContainsKey(f.Name) && !DerivedFields.Contains(f.Name);
}

using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Formats;

namespace DxGeo.Core.Import.Internal;

/// <summary>A new user layer shaped after the source: inferred fields, renamed where --map asks (newname=COLUMN).</summary>
internal static class InferredLayer
{
    public static (LayerSchema Schema, Dictionary<int, string> Map) Create(IFeatureSource source, ImportOptions o)
    {
        var (schema, columns) = SchemaInference.Infer(source, o.Layer, o.Progress);
        var fields = schema.Fields.ToList();
        foreach (var (name, column) in o.Fields.Pairs)
        {
            var i = columns.ToList().FindIndex(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
            if (i < 0) throw new InputDataException($"--map {name}={column}: the file has no column '{column}' (columns: {string.Join(", ", columns)})", source.Path);
            fields[i] = fields[i] with { Name = name };
        }
        var dup = fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new DxGeoException($"--map: two fields would be called '{dup.Key}'");
        var map = new Dictionary<int, string>();
        for (var i = 0; i < columns.Count; i++) map[i] = columns[i];
        return (schema with { Fields = fields }, map);
    }
}

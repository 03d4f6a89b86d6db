using System.Text;
using DxGeo.Core.Features;

namespace DxGeo.Core.Assets.Layers;

/// <summary>Renders the layer schemas as the Markdown data dictionary shown in README (kept in sync by a test).</summary>
public static class DataDictionary
{
    public static string ToMarkdown(IEnumerable<LayerSchema> schemas)
    {
        var sb = new StringBuilder();
        foreach (var s in schemas)
        {
            sb.Append("#### `").Append(s.Name).Append("` — ").Append(s.Title ?? s.Name)
              .Append(" (").Append(s.GeometryType).Append(", EPSG:").Append(s.Srid).Append(")\n\n");
            sb.Append("| field | type | required | meaning |\n|---|---|---|---|\n");
            foreach (var f in s.Fields)
                sb.Append("| `").Append(f.Name).Append("` | ").Append(TypeName(f.Type)).Append(" | ")
                  .Append(f.Nullable ? "" : "yes").Append(" | ").Append(f.Description?.Replace("|", "\\|")).Append(" |\n");
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    private static string TypeName(FieldType t) => t switch
    {
        FieldType.Integer => "integer",
        FieldType.Real => "real",
        FieldType.Text => "text",
        FieldType.Date => "date (YYYY-MM-DD)",
        FieldType.DateTime => "datetime (ISO 8601 UTC)",
        _ => "boolean",
    };
}

using DxGeo.Core.Features;

namespace DxGeo.Core.Assets.Layers;

internal static class F
{
    public static FieldDefinition Text(string name, string desc, bool nullable = true) => new(name, FieldType.Text, nullable, desc);
    public static FieldDefinition Int(string name, string desc, bool nullable = true) => new(name, FieldType.Integer, nullable, desc);
    public static FieldDefinition Real(string name, string desc, bool nullable = true) => new(name, FieldType.Real, nullable, desc);
    public static FieldDefinition Date(string name, string desc, bool nullable = true) => new(name, FieldType.Date, nullable, desc);
    public static FieldDefinition Bool(string name, string desc) => new(name, FieldType.Boolean, false, desc);
}

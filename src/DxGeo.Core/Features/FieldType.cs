namespace DxGeo.Core.Features;

/// <summary>Attribute types a layer can hold. CLR values: Integer=long, Real=double, Text=string,
/// Date=DateOnly, DateTime=DateTimeOffset (UTC), Boolean=bool; null allowed when the field is nullable.</summary>
public enum FieldType { Integer, Real, Text, Date, DateTime, Boolean }

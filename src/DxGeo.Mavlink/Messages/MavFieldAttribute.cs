namespace DxGeo.Mavlink.Messages;

/// <summary>
/// Names the common.xml field a property carries when the name cannot be derived from the property name
/// (snake_case of the name, without a unit suffix such as Mm, Mps, Pct, Rad, Deg).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MavFieldAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

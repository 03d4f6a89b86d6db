using DxGeo.Core.Features;

namespace DxGeo.SampleTown.Output;

/// <summary>Schemas of the sample town's own context layers (user layers in a workspace): districts,
/// watercourse centrelines and water surfaces. Stored in EPSG:4326 like every workspace layer.</summary>
public static class TownLayers
{
    public static LayerSchema Districts { get; } = new()
    {
        Name = "districts", Title = "Districts 地区", GeometryType = LayerGeometryType.MultiPolygon, IdField = "district_id",
        Fields =
        [
            new("district_id", FieldType.Text, false, "District id"),
            new("name", FieldType.Text, false, "Name 地区名"),
            new("name_romaji", FieldType.Text, true, "Name in romaji"),
            new("pressure_zone", FieldType.Text, true, "Water pressure zone 配水区"),
        ],
    };

    public static LayerSchema Waterways { get; } = new()
    {
        Name = "waterways", Title = "Watercourses 河川・水路", GeometryType = LayerGeometryType.LineString, IdField = "waterway_id",
        Description = "Centrelines drawn downstream; the river's last vertex is its mouth.",
        Fields =
        [
            new("waterway_id", FieldType.Text, false, "Watercourse id"),
            new("name", FieldType.Text, false, "Name 名称"),
            new("name_romaji", FieldType.Text, true, "Name in romaji"),
            new("kind", FieldType.Text, false, "Kind (river, tributary, canal, drain)"),
            new("width_m", FieldType.Real, true, "Typical water width (m)"),
        ],
    };

    public static LayerSchema WaterAreas { get; } = new()
    {
        Name = "water_areas", Title = "Water surfaces 水面", GeometryType = LayerGeometryType.MultiPolygon, IdField = "area_id",
        Fields =
        [
            new("area_id", FieldType.Text, false, "Area id"),
            new("name", FieldType.Text, false, "Name 名称"),
            new("kind", FieldType.Text, false, "Kind (river, tributary, canal, drain, sea)"),
        ],
    };

    public static FeatureRecord ToRecord(TownDistrict d) => new(d.Geometry, [d.DistrictId, d.Name, d.NameRomaji, d.PressureZone]);
    public static FeatureRecord ToRecord(TownWaterway w) => new(w.Geometry, [w.WaterwayId, w.Name, w.NameRomaji, w.Kind, w.WidthM]);
    public static FeatureRecord ToRecord(TownWaterArea a) => new(a.Geometry, [a.AreaId, a.Name, a.Kind]);
}

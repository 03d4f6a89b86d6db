using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Assets.Layers;

public sealed class SoilLayer : IAssetLayer<SoilZone>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "soil", Title = "Soil 土質", GeometryType = LayerGeometryType.MultiPolygon, IdField = "zone_id",
        Fields =
        [
            F.Text("zone_id", "Zone id", nullable: false),
            F.Text("soil_class", "Soil class 土質区分 (clay, silt, sand, gravel, peat, fill)", nullable: false),
            F.Text("corrosivity", "Corrosivity 腐食性 (low, medium, high)", nullable: false),
        ],
    };

    public FeatureRecord ToRecord(SoilZone z) => new(z.Geometry, [z.ZoneId, z.SoilClass, AssetCodes.Code(z.Corrosivity)]);

    public SoilZone FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new SoilZone
        {
            ZoneId = v.RequiredText("zone_id"), Geometry = v.Geometry<MultiPolygon>(),
            SoilClass = v.RequiredText("soil_class"), Corrosivity = v.Enum("corrosivity", Corrosivity.Medium),
        };
    }
}

public sealed class FloodZoneLayer : IAssetLayer<FloodZone>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "flood_zones", Title = "Flood zones 洪水浸水想定区域", GeometryType = LayerGeometryType.MultiPolygon, IdField = "zone_id",
        Fields =
        [
            F.Text("zone_id", "Zone id", nullable: false),
            F.Int("depth_class", "MLIT depth class 浸水深ランク (1 <0.5 m, 2 0.5–3, 3 3–5, 4 5–10, 5 10–20, 6 ≥20 m)", nullable: false),
        ],
    };

    public FeatureRecord ToRecord(FloodZone z) => new(z.Geometry, [z.ZoneId, (long)z.DepthClass]);

    public FloodZone FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        var depth = v.Integer("depth_class") ?? 0;
        if (depth is < 1 or > 6)
            throw new Errors.InputDataException($"depth class {depth} outside 1–6", featureIndex: r.Fid, field: "depth_class");
        return new FloodZone { ZoneId = v.RequiredText("zone_id"), Geometry = v.Geometry<MultiPolygon>(), DepthClass = (int)depth };
    }
}

public sealed class NoFlyZoneLayer : IAssetLayer<NoFlyZone>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "no_fly_zones", Title = "No-fly zones 飛行禁止区域", GeometryType = LayerGeometryType.MultiPolygon, IdField = "zone_id",
        Fields =
        [
            F.Text("zone_id", "Zone id", nullable: false),
            F.Text("name", "Name 名称"),
            F.Text("reason", "Reason 理由 (airport, facility, event, other)"),
        ],
    };

    public FeatureRecord ToRecord(NoFlyZone z) => new(z.Geometry, [z.ZoneId, z.Name, z.Reason]);

    public NoFlyZone FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new NoFlyZone { ZoneId = v.RequiredText("zone_id"), Geometry = v.Geometry<MultiPolygon>(), Name = v.Text("name"), Reason = v.Text("reason") };
    }
}

public sealed class RoadLayer : IAssetLayer<Road>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "roads", Title = "Roads 道路", GeometryType = LayerGeometryType.LineString, IdField = "road_id",
        Fields =
        [
            F.Text("road_id", "Road id", nullable: false),
            F.Text("name", "Name 路線名"),
            F.Text("road_class", "Class 道路種別 (arterial, collector, local)"),
        ],
    };

    public FeatureRecord ToRecord(Road x) => new(x.Geometry, [x.RoadId, x.Name, x.RoadClass]);

    public Road FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new Road { RoadId = v.RequiredText("road_id"), Geometry = v.Geometry<LineString>(), Name = v.Text("name"), RoadClass = v.Text("road_class") };
    }
}

public sealed class FacilityLayer : IAssetLayer<Facility>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "facilities", Title = "Critical facilities 重要施設", GeometryType = LayerGeometryType.Point, IdField = "facility_id",
        Fields =
        [
            F.Text("facility_id", "Facility id", nullable: false),
            F.Text("name", "Name 名称"),
            F.Text("kind", "Kind 種別 (hospital, school, shelter, other)"),
        ],
    };

    public FeatureRecord ToRecord(Facility x) => new(x.Geometry, [x.FacilityId, x.Name, x.Kind]);

    public Facility FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new Facility { FacilityId = v.RequiredText("facility_id"), Geometry = v.Geometry<Point>(), Name = v.Text("name"), Kind = v.Text("kind") };
    }
}

public sealed class RoadWorkLayer : IAssetLayer<RoadWork>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "road_works", Title = "Planned road works 道路工事予定", GeometryType = LayerGeometryType.MultiPolygon, IdField = "work_id",
        Fields =
        [
            F.Text("work_id", "Work id", nullable: false),
            F.Int("planned_year", "Planned year 予定年度"),
            F.Text("description", "Description 内容"),
        ],
    };

    public FeatureRecord ToRecord(RoadWork x) => new(x.Geometry, [x.WorkId, (long?)x.PlannedYear, x.Description]);

    public RoadWork FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        return new RoadWork { WorkId = v.RequiredText("work_id"), Geometry = v.Geometry<MultiPolygon>(), PlannedYear = (int?)v.Integer("planned_year"), Description = v.Text("description") };
    }
}

public sealed class ElevationPointLayer : IAssetLayer<ElevationPoint>
{
    public LayerSchema Schema { get; } = new()
    {
        Name = "elevation_points", Title = "Spot heights 標高点", GeometryType = LayerGeometryType.Point, IdField = "point_id",
        Description = "Ground heights in metres above T.P. (JGD2011 vertical, EPSG:6695): surveyed points or a DEM as points.",
        Fields =
        [
            F.Text("point_id", "Point id", nullable: false),
            F.Real("elevation_m", "Ground height 標高 (m above T.P., EPSG:6695)", nullable: false),
        ],
    };

    public FeatureRecord ToRecord(ElevationPoint x) => new(x.Geometry, [x.PointId, x.ElevationM]);

    public ElevationPoint FromRecord(FeatureRecord r)
    {
        var v = new RecordValues(Schema, r);
        var z = v.Real("elevation_m");
        // Japan's ground lies between ~−5 m (reclaimed polders) and 3776 m; anything else is a unit or no-data error.
        if (z is not { } m || !double.IsFinite(m) || m is < -50 or > 4000)
            throw new Errors.InputDataException($"elevation {z?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"} is not a ground height in metres (−50…4000)",
                featureIndex: r.Fid, field: "elevation_m");
        return new ElevationPoint { PointId = v.RequiredText("point_id"), Geometry = v.Geometry<Point>(), ElevationM = m };
    }
}

using DxGeo.Core.Features;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Workspace.GeoPackage.Internal;

/// <summary>
/// A layer as stored: its schema plus the physical names (fid and geometry columns, R-tree table) and the SQL
/// fragments every read and write of it reuses. Immutable; the catalog is rebuilt after a write commits.
/// </summary>
internal sealed class LayerMeta
{
    public LayerMeta(LayerSchema schema, string fidColumn, string? geomColumn, string? rtreeTable, Envelope? extent)
    {
        Schema = schema;
        FidColumn = fidColumn;
        GeomColumn = geomColumn;
        RtreeTable = rtreeTable;
        StoredExtent = extent;
        Table = Sql.Id(schema.Name);
        var cols = new List<string> { Sql.Id(fidColumn) };
        if (geomColumn is not null) cols.Add(Sql.Id(geomColumn));
        cols.AddRange(schema.Fields.Select(f => Sql.Id(f.Name)));
        SelectList = string.Join(", ", cols);
        FirstFieldOrdinal = geomColumn is null ? 1 : 2;
    }

    public LayerSchema Schema { get; }
    public string Name => Schema.Name;
    /// <summary>The quoted table name.</summary>
    public string Table { get; }
    public string FidColumn { get; }
    public string? GeomColumn { get; }
    /// <summary>Name of the R-tree virtual table (unquoted), or null when the layer has no spatial index.</summary>
    public string? RtreeTable { get; }
    /// <summary>The extent recorded in gpkg_contents (null when none is recorded).</summary>
    public Envelope? StoredExtent { get; }
    /// <summary>"fid", "geom", then every field in schema order.</summary>
    public string SelectList { get; }
    public int FirstFieldOrdinal { get; }

    public static string RtreeName(string table, string geomColumn) => $"rtree_{table}_{geomColumn}";

    public static string GpkgTypeName(LayerGeometryType t) => t switch
    {
        LayerGeometryType.Point => "POINT",
        LayerGeometryType.LineString => "LINESTRING",
        LayerGeometryType.Polygon => "POLYGON",
        LayerGeometryType.MultiPoint => "MULTIPOINT",
        LayerGeometryType.MultiLineString => "MULTILINESTRING",
        LayerGeometryType.MultiPolygon => "MULTIPOLYGON",
        LayerGeometryType.Geometry => "GEOMETRY",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "attribute tables have no geometry column"),
    };

    /// <summary>GeoPackage geometry_type_name to ours; types we do not model (curves, collections) read as Geometry.</summary>
    public static LayerGeometryType FromGpkgTypeName(string name) => name.ToUpperInvariant() switch
    {
        "POINT" => LayerGeometryType.Point,
        "LINESTRING" => LayerGeometryType.LineString,
        "POLYGON" => LayerGeometryType.Polygon,
        "MULTIPOINT" => LayerGeometryType.MultiPoint,
        "MULTILINESTRING" => LayerGeometryType.MultiLineString,
        "MULTIPOLYGON" => LayerGeometryType.MultiPolygon,
        _ => LayerGeometryType.Geometry,
    };
}

using DxGeo.Core.Crs;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Spatial;
using DxGeo.Core.Spatial.Internal;
using DxGeo.Core.Workspace;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace DxGeo.Core.Mesh;

/// <summary>
/// Aggregates a layer per JIS X 0410 mesh cell ("km of pipe per 250 m mesh") into a polygon layer of the cells
/// that hold any feature: feature_count (features with a part in the cell), length_m (lines: the length of the
/// part inside the cell) and area_m2 (polygons: the area inside the cell).
/// A mesh cell is a lon/lat rectangle by definition, so lines are split exactly where they cross the graticule
/// (in lon/lat) and each piece is measured in metres in a metric CRS; the pieces of a line add up to its length.
/// </summary>
public static class MeshAggregateOp
{
    public static FeatureTable Run(IWorkspace ws, string layer, MeshLevel level, string? outputName = null, FeatureQuery? filter = null)
    {
        var info = LayerAccess.RequireGeometry(ws, layer);
        var schema = OutputSchema(outputName ?? DefaultName(info.Name, level), info.Name, level);
        if (info.Extent is not { IsNull: false } extent) return new FeatureTable(schema, []);
        var frame = MetricFrame.For(new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(extent));
        return Aggregate(info.Schema, ws.Read(info.Name, filter), level, frame, schema.Name, ws.Location);
    }

    /// <summary>Aggregates records in hand (EPSG:4326) measuring in <paramref name="frame"/>.</summary>
    /// <param name="source">Names the input in error messages (file or workspace).</param>
    public static FeatureTable Aggregate(LayerSchema schema, IEnumerable<FeatureRecord> records, MeshLevel level, MetricFrame frame,
        string? outputName = null, string? source = null)
    {
        var cells = new Dictionary<long, Cell>();
        var idIndex = LayerAccess.IdIndex(schema);
        var splitter = new GraticuleSplitter(level);
        long ordinal = 0;
        foreach (var r in records)
        {
            ordinal++;
            if (r.Geometry is not { IsEmpty: false } g) continue;
            var e = g.EnvelopeInternal;
            if (!JisMesh.Contains(e.MinX, e.MinY) || !JisMesh.Contains(e.MaxX, e.MaxY))
                throw new InputDataException("geometry lies outside the JIS X 0410 mesh system (lat 0°–66°40′ N, lon 100°–200° E)",
                    source, r.Fid ?? ordinal - 1, LayerAccess.IdOf(r, idIndex), "geometry");
            AddGeometry(g, frame, level, splitter, cells, ordinal);
        }
        var outSchema = OutputSchema(outputName ?? DefaultName(schema.Name, level), schema.Name, level);
        var levelName = MeshLevels.Name(level);
        var rows = cells.OrderBy(kv => kv.Key).Select(kv =>
        {
            var code = new MeshCode(kv.Key, level);
            return new FeatureRecord(JisMesh.ToPolygon(code), [code.ToString(), levelName, kv.Value.Count, kv.Value.LengthM, kv.Value.AreaM2]);
        }).ToList();
        return new FeatureTable(outSchema, rows);
    }

    public static string DefaultName(string layer, MeshLevel level) => $"{layer}_mesh_{MeshLevels.NominalSize(level)}";

    public static LayerSchema OutputSchema(string name, string sourceLayer, MeshLevel level) => new()
    {
        Name = name,
        GeometryType = LayerGeometryType.Polygon,
        IdField = "mesh_code",
        Title = $"{sourceLayer} per {MeshLevels.NominalSize(level)} mesh",
        Fields =
        [
            new FieldDefinition("mesh_code", FieldType.Text, false, "JIS X 0410 mesh code 地域メッシュコード"),
            new FieldDefinition("mesh_level", FieldType.Text, false, "Mesh level (first, second, third, half, quarter)"),
            new FieldDefinition("feature_count", FieldType.Integer, false, "Features with a part in the cell"),
            new FieldDefinition("length_m", FieldType.Real, false, "Length of lines inside the cell (m)"),
            new FieldDefinition("area_m2", FieldType.Real, false, "Area of polygons inside the cell (m²)"),
        ],
    };

    private sealed class Cell
    {
        public long Count;
        public double LengthM;
        public double AreaM2;
        public long LastFeature;

        public void Touch(long feature)
        {
            if (LastFeature == feature) return;
            LastFeature = feature;
            Count++;
        }
    }

    private static Cell CellAt(Dictionary<long, Cell> cells, long code)
    {
        if (!cells.TryGetValue(code, out var c)) cells[code] = c = new Cell();
        return c;
    }

    private static void AddGeometry(Geometry g, MetricFrame frame, MeshLevel level, GraticuleSplitter splitter,
        Dictionary<long, Cell> cells, long feature)
    {
        switch (g)
        {
            case Point p:
                CellAt(cells, JisMesh.FromLonLat(p.X, p.Y, level).Value).Touch(feature);
                break;
            case LineString ls:
                var metric = frame.Project(ls).CoordinateSequence;
                splitter.Split(ls.CoordinateSequence, metric, (code, lengthM) =>
                {
                    var c = CellAt(cells, code);
                    c.LengthM += lengthM;
                    c.Touch(feature);
                });
                break;
            case Polygon poly:
                AddPolygon(poly, frame, level, cells, feature);
                break;
            case GeometryCollection gc:
                for (var i = 0; i < gc.NumGeometries; i++)
                    AddGeometry(gc.GetGeometryN(i), frame, level, splitter, cells, feature);
                break;
        }
    }

    private static void AddPolygon(Polygon poly, MetricFrame frame, MeshLevel level, Dictionary<long, Cell> cells, long feature)
    {
        var prepared = PreparedGeometryFactory.Prepare(poly);
        foreach (var code in JisMesh.Covering(poly.EnvelopeInternal, level))
        {
            var cell = JisMesh.ToPolygon(code, poly.Factory);
            double area;
            if (prepared.Contains(cell)) area = frame.Project(cell).Area;
            else if (prepared.Intersects(cell)) area = frame.Project(poly.Intersection(cell)).Area;
            else continue;
            if (area <= 0) continue; // touches the cell's edge only
            var c = CellAt(cells, code.Value);
            c.AreaM2 += area;
            c.Touch(feature);
        }
    }
}

using DxGeo.Core.Features;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Core.Tests.Workspace;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Records;

public class FeatureRecordFieldsTests
{
    private static readonly LayerSchema Pipes = new()
    {
        Name = "pipes", GeometryType = LayerGeometryType.LineString, IdField = "pipe_id",
        Fields =
        [
            new("pipe_id", FieldType.Text, false, null), new("material", FieldType.Text, true, null),
            new("diameter_mm", FieldType.Real, true, null), new("install_year", FieldType.Integer, true, null),
        ],
    };

    [Fact]
    public void Create_places_values_by_name_and_reads_back_through_the_workspace()
    {
        var line = new GeometryFactory(new PrecisionModel(), 4326).CreateLineString([new(141.0, 38.4), new(141.001, 38.4)]);
        var rec = FeatureRecord.Create(Pipes, line, ("pipe_id", "P-1"), ("diameter_mm", 150.0), ("install_year", 1975L));
        Assert.Equal("P-1", rec.Values[Pipes.IndexOf("pipe_id")]);
        Assert.Null(rec.Values[Pipes.IndexOf("material")]);

        using var dir = new TempDir();
        using var ws = GeoPackageWorkspace.Create(dir.File("ws.gpkg"));
        using (var w = ws.BeginWrite())
        {
            w.CreateLayer(Pipes);
            w.Insert(Pipes.Name, rec);
            w.Commit();
        }
        var back = Assert.Single(ws.Read(Pipes.Name));
        Assert.Equal("P-1", back.Text(Pipes, "pipe_id"));
        Assert.Equal(150.0, back.Real(Pipes, "diameter_mm"));
        Assert.Equal(1975L, back.Integer(Pipes, "install_year"));
        Assert.Equal("1975", back.Text(Pipes, "install_year"));
        Assert.Null(back.Text(Pipes, "material"));
        Assert.Null(back.Integer(Pipes, "no_such_field"));
    }

    [Fact]
    public void Times_stored_as_text_or_datetime_read_as_utc_and_other_types_are_refused()
    {
        var schema = new LayerSchema
        {
            Name = "t", GeometryType = LayerGeometryType.None,
            Fields = [new("at", FieldType.DateTime, true, null), new("n", FieldType.Integer, true, null)],
        };
        var expected = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, FeatureRecord.Create(schema, null, ("at", "2026-11-25T09:00:00")).Time(schema, "at"));
        Assert.Equal(expected, FeatureRecord.Create(schema, null, ("at", new DateTime(2026, 11, 25, 9, 0, 0))).Time(schema, "at"));
        Assert.Throws<InvalidCastException>(() => FeatureRecord.Create(schema, null, ("at", 12L)).Time(schema, "at"));
        Assert.Null(FeatureRecord.Create(schema, null, ("n", DBNull.Value)).Integer(schema, "n"));
        var e = Assert.Throws<InvalidOperationException>(() => FeatureRecord.Create(schema, null, ("missing", 1)));
        Assert.Contains("'t'", e.Message);
        Assert.Contains("missing", e.Message);
    }
}

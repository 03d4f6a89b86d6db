using DxGeo.Core.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DxGeo.Core.Tests.Crs;

public class GeometryTransformTests
{
    private static readonly WKTReader Reader = new();

    [Fact]
    public void Transforms_a_copy_of_every_part_and_sets_the_target_srid()
    {
        var source = Reader.Read(
            "GEOMETRYCOLLECTION (POINT (139.7 35.7), LINESTRING (139.7 35.7, 139.8 35.6), " +
            "POLYGON ((139.6 35.6, 139.9 35.6, 139.9 35.8, 139.6 35.8, 139.6 35.6), (139.7 35.65, 139.75 35.65, 139.75 35.7, 139.7 35.65)))");
        source.SRID = 4326;
        var original = source.Copy();
        var t = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, 6677);

        var projected = t.Transform(source);

        Assert.True(source.EqualsExact(original), "the input geometry must not change");
        Assert.Equal(6677, projected.SRID);
        Assert.All(Enumerable.Range(0, projected.NumGeometries), i => Assert.Equal(6677, projected.GetGeometryN(i).SRID));
        var inCoords = source.Coordinates;
        var outCoords = projected.Coordinates;
        Assert.Equal(inCoords.Length, outCoords.Length);
        for (var i = 0; i < inCoords.Length; i++)
        {
            var (x, y) = t.Transform(inCoords[i].X, inCoords[i].Y);
            Assert.Equal(x, outCoords[i].X);
            Assert.Equal(y, outCoords[i].Y);
        }
        Assert.Equal(1, ((Polygon)projected.GetGeometryN(2)).NumInteriorRings);
    }

    [Fact]
    public void Keeps_z_values()
    {
        var line = Reader.Read("LINESTRING Z (139.7 35.7 12.5, 139.8 35.6 30)");
        var projected = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, 6677).Transform(line);
        Assert.Equal(12.5, projected.Coordinates[0].Z);
        Assert.Equal(30, projected.Coordinates[1].Z);
    }

    [Fact]
    public void Geometry_round_trip_returns_to_the_input()
    {
        var poly = (Polygon)Reader.Read("POLYGON ((141.30 43.05, 141.40 43.05, 141.40 43.10, 141.30 43.05))");
        var t = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, 6680);
        var back = t.Inverse().Transform(t.Transform(poly));
        Assert.Equal(4326, back.SRID);
        Assert.True(back.EqualsExact(poly, 1e-11));
    }

    [Fact]
    public void Empty_geometry_stays_empty()
    {
        var empty = Reader.Read("LINESTRING EMPTY");
        var projected = CrsRegistry.Default.CreateTransform(Epsg.Wgs84, 6677).Transform(empty);
        Assert.True(projected.IsEmpty);
        Assert.Equal(6677, projected.SRID);
    }
}

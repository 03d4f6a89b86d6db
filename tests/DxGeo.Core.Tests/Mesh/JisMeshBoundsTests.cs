using DxGeo.Core.Errors;
using DxGeo.Core.Mesh;
using NetTopologySuite.Geometries;

namespace DxGeo.Core.Tests.Mesh;

public class JisMeshBoundsTests
{
    private const double Sec = 1.0 / 3600;

    [Fact]
    public void Third_mesh_53394611_has_the_bounds_of_the_standard()
    {
        // south = 53 × 40′ + 4 × 5′ + 1 × 30″ = 35°40′30″; west = 139° + 6 × 7′30″ + 1 × 45″ = 139°45′45″.
        var e = JisMesh.Bounds(JisMesh.Parse("53394611"));
        Assert.Equal(35 + 40 / 60.0 + 30 * Sec, e.MinY, 12);
        Assert.Equal(35 + 41 / 60.0, e.MaxY, 12);
        Assert.Equal(139 + 45 / 60.0 + 45 * Sec, e.MinX, 12);
        Assert.Equal(139 + 46 / 60.0 + 30 * Sec, e.MaxX, 12);
    }

    [Fact]
    public void Quarter_mesh_digits_place_the_cell_in_the_right_corner()
    {
        // 53394611-3 is the NW half (15″ × 22.5″); its quarter 2 is that half's SE quarter (7.5″ × 11.25″).
        var third = JisMesh.Bounds(JisMesh.Parse("53394611"));
        var e = JisMesh.Bounds(JisMesh.Parse("5339461132"));
        Assert.Equal(third.MinY + 15 * Sec, e.MinY, 12);
        Assert.Equal(third.MinY + 22.5 * Sec, e.MaxY, 12);
        Assert.Equal(third.MinX + 11.25 * Sec, e.MinX, 12);
        Assert.Equal(third.MinX + 22.5 * Sec, e.MaxX, 12);
    }

    [Fact]
    public void First_mesh_spans_40_minutes_by_one_degree()
    {
        var e = JisMesh.Bounds(JisMesh.Parse("5339"));
        Assert.Equal(53 / 1.5, e.MinY, 12);
        Assert.Equal(54 / 1.5, e.MaxY, 12);
        Assert.Equal(139, e.MinX, 12);
        Assert.Equal(140, e.MaxX, 12);
    }

    [Fact]
    public void Every_level_round_trips_through_its_bounds_over_Japan()
    {
        var rng = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var lon = 122.9 + rng.NextDouble() * 31;
            var lat = 24.0 + rng.NextDouble() * 21.5;
            MeshCode? coarser = null;
            foreach (var level in MeshLevels.All)
            {
                var code = JisMesh.FromLonLat(lon, lat, level);
                Assert.Equal(MeshLevels.Digits(level), code.ToString().Length);
                var e = JisMesh.Bounds(code);
                Assert.True(e.MinX <= lon && lon < e.MaxX && e.MinY <= lat && lat < e.MaxY, $"{code} does not contain ({lon}, {lat})");
                Assert.Equal(code, JisMesh.FromLonLat(e.Centre.X, e.Centre.Y, level));
                Assert.Equal(code, JisMesh.Parse(code.ToString()));
                if (coarser is { } c)
                {
                    Assert.StartsWith(c.ToString(), code.ToString());
                    Assert.Equal(c, JisMesh.Parent(code, c.Level));
                }
                coarser = code;
            }
        }
    }

    [Fact]
    public void Cell_sizes_follow_the_standard()
    {
        Assert.Equal(40.0 / 60, MeshLevels.HeightDeg(MeshLevel.First), 15);
        Assert.Equal(1.0, MeshLevels.WidthDeg(MeshLevel.First), 15);
        Assert.Equal(30 * Sec, MeshLevels.HeightDeg(MeshLevel.Third), 15);
        Assert.Equal(45 * Sec, MeshLevels.WidthDeg(MeshLevel.Third), 15);
        Assert.Equal(7.5 * Sec, MeshLevels.HeightDeg(MeshLevel.Quarter), 15);
        Assert.Equal(11.25 * Sec, MeshLevels.WidthDeg(MeshLevel.Quarter), 15);
    }

    [Fact]
    public void Polygon_is_the_closed_cell_rectangle_in_4326()
    {
        var p = JisMesh.ToPolygon(JisMesh.Parse("533946"));
        Assert.Equal(4326, p.SRID);
        Assert.Equal(5, p.NumPoints);
        Assert.Equal(JisMesh.Bounds(JisMesh.Parse("533946")), p.EnvelopeInternal);
        Assert.True(p.Shell.IsCCW);
    }

    [Theory]
    [InlineData("53394", "5 digits")]
    [InlineData("5339x611", "'x' is not a digit")]
    [InlineData("533984", "must each be 0–7")]
    [InlineData("533946115", "half mesh must be 1–4")]
    [InlineData("5339461130", "quarter mesh must be 1–4")]
    [InlineData("", "empty")]
    public void Malformed_codes_are_refused_with_the_reason(string text, string reason)
    {
        var e = Assert.Throws<DxGeoException>(() => JisMesh.Parse(text));
        Assert.Contains("is not a JIS X 0410 mesh code", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Dashed_codes_parse()
    {
        var c = JisMesh.Parse("5339-46-11-3-2");
        Assert.Equal(5339461132L, c.Value);
        Assert.Equal(MeshLevel.Quarter, c.Level);
    }

    [Fact]
    public void Covering_a_third_mesh_yields_its_own_subdivision()
    {
        var e = JisMesh.Bounds(JisMesh.Parse("53394611"));
        Assert.Equal(["53394611"], JisMesh.Covering(e, MeshLevel.Third).Select(c => c.ToString()));
        Assert.Equal(["533946111", "533946112", "533946113", "533946114"],
            JisMesh.Covering(e, MeshLevel.Half).Select(c => c.ToString()));
        var quarters = JisMesh.Covering(e, MeshLevel.Quarter).ToList();
        Assert.Equal(16, quarters.Count);
        Assert.All(quarters, q => Assert.StartsWith("53394611", q.ToString()));
        Assert.Equal(16, quarters.Distinct().Count());
    }

    [Fact]
    public void Covering_crosses_second_and_first_mesh_boundaries()
    {
        // A box straddling 140° E and 36° N touches four first meshes: 5339, 5340, 5439, 5440.
        var e = new Envelope(139.99, 140.01, 35.99, 36.01);
        Assert.Equal(["5339", "5340", "5439", "5440"], JisMesh.Covering(e, MeshLevel.First).Select(c => c.ToString()));
        // In third meshes: 45″ columns over 0.02° = 72″ → 2 columns each side of 140°; rows 30″ over 72″ → 2 + 2 rows.
        var thirds = JisMesh.Covering(e, MeshLevel.Third).ToList();
        Assert.Equal(JisMesh.CoveringCount(e, MeshLevel.Third), thirds.Count);
        foreach (var t in thirds) Assert.True(JisMesh.Bounds(t).Intersects(e));
        Assert.Equal(thirds.Count, thirds.Distinct().Count());
        Assert.Contains(thirds, t => t.ToString() == "53397799"); // SW of the corner: last row, last column of 5339
        Assert.Contains(thirds, t => t.ToString() == "54400000"); // NE of the corner: first row, first column of 5440
    }

    [Fact]
    public void Covering_a_point_yields_its_cell()
    {
        var e = new Envelope(new Coordinate(139.767125, 35.681236));
        Assert.Equal(["5339461132"], JisMesh.Covering(e, MeshLevel.Quarter).Select(c => c.ToString()));
    }

    [Fact]
    public void Covering_too_large_an_area_is_refused()
    {
        var e = new Envelope(123, 153, 24, 45);
        Assert.Throws<DxGeoException>(() => JisMesh.Covering(e, MeshLevel.Quarter).ToList());
    }

    [Fact]
    public void Levels_parse_from_names_sizes_and_ranks()
    {
        Assert.Equal(MeshLevel.Quarter, MeshLevels.Parse("250m"));
        Assert.Equal(MeshLevel.Quarter, MeshLevels.Parse("quarter"));
        Assert.Equal(MeshLevel.Third, MeshLevels.Parse("3rd"));
        Assert.Equal(MeshLevel.Half, MeshLevels.Parse("4"));
        Assert.Throws<DxGeoException>(() => MeshLevels.Parse("eighth"));
    }
}

using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Tests.Damage;

public class TilingTests
{
    [Theory]
    [InlineData(0.5, 120)]   // 0.6 m / 0.5 cm/px
    [InlineData(0.25, 240)]
    [InlineData(0.1, 600)]
    public void Tile_side_covers_the_ground_size_at_the_given_gsd(double gsdCmPerPx, int expectedPx)
    {
        var t = new TilingOptions { TileGroundM = 0.6 };
        Assert.Equal(expectedPx, t.TilePx(gsdCmPerPx));
    }

    [Fact]
    public void Tile_side_is_clamped_and_defaults_without_gsd()
    {
        var t = new TilingOptions();
        Assert.Equal(t.MinTilePx, t.TilePx(5.0));     // high altitude: would be 12 px
        Assert.Equal(t.MaxTilePx, t.TilePx(0.01));    // macro photo: would be 6000 px
        Assert.Equal(t.DefaultTilePx, t.TilePx(null));
        Assert.Equal(t.DefaultTilePx, t.TilePx(double.NaN));
    }

    [Theory]
    [InlineData(4000, 3000, 256)]
    [InlineData(1000, 700, 300)]
    [InlineData(512, 512, 256)]
    [InlineData(200, 150, 256)]
    public void Grid_covers_every_pixel_with_equal_tiles_inside_the_photo(int w, int h, int tile)
    {
        var rects = TileGrid.Plan(w, h, tile);
        var covered = new bool[w, h];
        foreach (var r in rects)
        {
            Assert.True(r.XPx >= 0 && r.YPx >= 0 && r.XPx + r.WidthPx <= w && r.YPx + r.HeightPx <= h);
            Assert.Equal(Math.Min(tile, w), r.WidthPx);
            Assert.Equal(Math.Min(tile, h), r.HeightPx);
            for (var x = r.XPx; x < r.XPx + r.WidthPx; x++)
                for (var y = r.YPx; y < r.YPx + r.HeightPx; y++) covered[x, y] = true;
        }
        foreach (var c in covered) Assert.True(c);
        Assert.Equal((int)Math.Ceiling((double)w / tile) * (int)Math.Ceiling((double)h / tile), rects.Count);
    }
}

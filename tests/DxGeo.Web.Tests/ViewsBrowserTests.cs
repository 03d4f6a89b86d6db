using System.Globalization;
using Microsoft.Playwright;

namespace DxGeo.Web.Tests;

/// <summary>The three users' views in Chromium: what they draw is checked on the map canvas, not only in the DOM.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewsBrowserTests(ServerFixture server, BrowserFixture browser)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private async Task<(IBrowserContext Context, IPage Page)> Open(BrowserNewContextOptions? options = null)
    {
        var context = await browser.Browser.NewContextAsync(options ?? new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.LiveUrl}/index.html?lang=en");
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 15_000 });
        return (context, page);
    }

    private Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(browser.Artifacts, name + ".png") });

    /// <summary>Count and centroid (CSS pixels of the map) of canvas pixels within a few levels of a colour.</summary>
    private static async Task<(int Count, double X, double Y)> Pixels(IPage page, int r, int g, int b, int tolerance = 24)
    {
        var res = await page.EvaluateAsync<double[]>($$"""
            () => {
              let n = 0, sx = 0, sy = 0;
              for (const c of document.querySelectorAll('#map canvas')) {
                const ratio = c.width / c.getBoundingClientRect().width || 1;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 0; i < d.length; i += 4)
                  if (d[i + 3] > 200 && Math.abs(d[i] - {{r}}) + Math.abs(d[i + 1] - {{g}}) + Math.abs(d[i + 2] - {{b}}) < {{tolerance}}) {
                    n++; const p = i / 4; sx += (p % c.width) / ratio; sy += Math.floor(p / c.width) / ratio;
                  }
              }
              return [n, n ? sx / n : -1, n ? sy / n : -1];
            }
            """);
        return ((int)res[0], res[1], res[2]);
    }

    private static async Task WaitRendered(IPage page) =>
        await page.EvaluateAsync("() => new Promise(r => { window.dxgeo.map.once('rendercomplete', () => r(true)); window.dxgeo.map.render(); })");

    private static Task CentreOn(IPage page, double lon, double lat, double zoom) =>
        page.EvaluateAsync(string.Create(Inv, $"() => {{ const v = window.dxgeo.map.getView(); v.setZoom({zoom}); v.setCenter(window.dxgeo.map.getCoordinateFromPixel(window.dxgeo.pixelOf({lon}, {lat}))); }}"));

    private static async Task<(float X, float Y)> Screen(IPage page, double lon, double lat)
    {
        var px = await page.EvaluateAsync<double[]>(string.Create(Inv, $"() => window.dxgeo.pixelOf({lon}, {lat})"));
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        return ((float)(box.X + px[0]), (float)(box.Y + px[1]));
    }

    [Fact]
    public async Task Flight_planner_picks_a_levee_and_the_route_is_drawn_on_the_map()
    {
        var (context, page) = await Open();
        await using var _ = context;
        await page.ClickAsync("#views button[data-view='plan']");
        // Levee L-01 runs along 38.3950 from 141.0000 to 141.0100; L-02 is 110 m south.
        await CentreOn(page, 141.005, 38.3950, 16);
        await WaitRendered(page);
        var (x, y) = await Screen(page, 141.004, 38.3950);
        await page.Mouse.ClickAsync(x, y);
        await page.Locator("#plan-target").Filter(new() { HasText = "L-01" }).WaitForAsync(new() { Timeout = 10_000 });
        var before = await Pixels(page, 194, 24, 91);
        await page.FillAsync("#plan-width", "40");
        await page.ClickAsync("#plan-submit");
        await page.WaitForSelectorAsync("body[data-plan='ready']", new() { Timeout = 20_000 });
        var after = await Pixels(page, 194, 24, 91);
        await Shot(page, "plan-levee");
        Assert.True(after.Count > 300 && after.Count > 20 * (before.Count + 1), $"route pixels: {before.Count} before, {after.Count} after planning");
        var photos = int.Parse((await page.InnerTextAsync("td[data-k='photos']")).Replace(",", ""), Inv);
        Assert.True(photos > 0);
        Assert.True(await page.Locator("#plan-result button[data-kml]").IsVisibleAsync());
        // The route runs along the levee: its pixels centre near the levee's middle.
        var (mx, my) = await page.EvaluateAsync<double[]>("() => window.dxgeo.pixelOf(141.005, 38.3950)") is var m ? (m[0], m[1]) : default;
        Assert.True(Math.Abs(after.Y - my) < 60, $"route centroid y {after.Y:F0} vs levee {my:F0}");
    }

    [Fact]
    public async Task Water_ranking_sorts_and_a_row_click_highlights_that_pipe_on_the_map()
    {
        var (context, page) = await Open();
        await using var _ = context;
        await page.ClickAsync("#views button[data-view='water']");
        await page.WaitForSelectorAsync("body[data-water='ready']", new() { Timeout = 10_000 });
        var rows = page.Locator("#water-ranking tbody tr");
        Assert.Equal(20, await rows.CountAsync()); // the test town scored the 20 even-numbered pipes
        Assert.Equal("P-0040", await rows.First.GetAttributeAsync("data-id"));
        await page.ClickAsync("#water-ranking th[data-sort='pipeId']");
        Assert.Equal("P-0002", await rows.First.GetAttributeAsync("data-id"));

        Assert.Equal(0, (await Pixels(page, 0, 229, 255)).Count);
        await page.ClickAsync("#water-ranking tbody tr[data-id='P-0010']");
        await page.WaitForSelectorAsync("body[data-highlighted='P-0010']", new() { Timeout = 10_000 });
        var lit = await Pixels(page, 0, 229, 255);
        await Shot(page, "water-ranking");
        Assert.True(lit.Count > 200, $"only {lit.Count} highlight pixels");
        var mid = server.Town.Pipes.Single(p => p.Id == "P-0010").Geometry.GetCoordinateN(1);
        var px = await page.EvaluateAsync<double[]>(string.Create(Inv, $"() => window.dxgeo.pixelOf({mid.X}, {mid.Y})"));
        Assert.True(Math.Abs(lit.X - px[0]) < 30 && Math.Abs(lit.Y - px[1]) < 30, $"highlight centred at ({lit.X:F0}, {lit.Y:F0}), pipe P-0010 at ({px[0]:F0}, {px[1]:F0})");
    }

    [Fact]
    public async Task Inspection_lists_the_images_and_draws_their_footprints_by_score()
    {
        var (context, page) = await Open();
        await using var _ = context;
        await page.ClickAsync("#views button[data-view='inspect']");
        await page.WaitForSelectorAsync("body[data-inspect='ready']", new() { Timeout = 10_000 });
        Assert.Equal(2, await page.Locator("#inspect-body li").CountAsync());
        await page.ClickAsync("#inspect-body li[data-i='i0']");
        await WaitRendered(page);
        // A high score (0.7) fills the footprint in a strong, half-transparent red (each layer has its own canvas, so alpha is the fill's).
        var fill = await page.EvaluateAsync<int>("""
            () => {
              let n = 0;
              for (const c of document.querySelectorAll('#map canvas')) {
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 80 && d[i] - d[i + 1] > 60 && d[i] - d[i + 2] > 60) n++;
              }
              return n;
            }
            """);
        await Shot(page, "inspect-images");
        Assert.True(fill > 2000, $"only {fill} footprint pixels");
    }

    [Fact]
    public async Task Phone_shows_the_views_in_the_sliding_panel_in_japanese()
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = "ja-JP",
        });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.LiveUrl}/index.html");
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 15_000 });
        await page.ClickAsync("#toggle-panel");
        await page.WaitForTimeoutAsync(300); // the panel's slide-in transition
        Assert.Equal("水道", await page.InnerTextAsync("#views button[data-view='water']"));
        await page.TapAsync("#views button[data-view='water']");
        await page.WaitForSelectorAsync("body[data-water='ready']", new() { Timeout = 10_000 });
        var panel = (await page.Locator("#panel").BoundingBoxAsync())!;
        Assert.True(panel.X >= 0 && panel.X + panel.Width <= 390.5, $"panel at x {panel.X}, width {panel.Width}");
        Assert.Contains("破損確率", await page.InnerTextAsync("#water-ranking thead"));
        await Shot(page, "phone-water");
    }
}

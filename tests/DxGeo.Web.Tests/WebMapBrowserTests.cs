using System.Text.Json;
using Microsoft.Playwright;

namespace DxGeo.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WebMapBrowserTests(ServerFixture server, BrowserFixture browser)
{
    private async Task<(IBrowserContext Context, IPage Page)> Open(BrowserNewContextOptions? options = null, string query = "?lang=en")
    {
        var context = await browser.Browser.NewContextAsync(options ?? new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.LiveUrl}/index.html{query}");
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 15_000 });
        return (context, page);
    }

    private Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(browser.Artifacts, name + ".png") });

    /// <summary>Pixels of the map's canvases within a few levels of a pipe material colour.</summary>
    private const string CountPipePixels = """
        () => {
          const colours = Object.values({ DCIP: [31,111,209], CIP: [139,26,26], VP: [46,158,68], PE: [142,68,173] });
          let n = 0;
          for (const c of document.querySelectorAll('#map canvas')) {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < d.length; i += 4)
              if (d[i + 3] > 200 && colours.some(k => Math.abs(d[i] - k[0]) + Math.abs(d[i + 1] - k[1]) + Math.abs(d[i + 2] - k[2]) < 24)) n++;
          }
          return n;
        }
        """;

    private async Task WaitRendered(IPage page) =>
        await page.EvaluateAsync("() => new Promise(r => { window.dxgeo.map.once('rendercomplete', () => r(true)); window.dxgeo.map.render(); })");

    private async Task<(double X, double Y)> ScreenPoint(IPage page, double lon, double lat)
    {
        var px = await page.EvaluateAsync<double[]>($"() => window.dxgeo.pixelOf({lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {lat.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        return (box.X + px[0], box.Y + px[1]);
    }

    [Fact]
    public async Task Map_loads_and_draws_the_pipe_layer()
    {
        var (context, page) = await Open();
        await using var _ = context;
        await WaitRendered(page);
        var withPipes = await page.EvaluateAsync<int>(CountPipePixels);
        await Shot(page, "map-desktop");
        await page.Locator("input[data-layer='water_pipes']").UncheckAsync();
        await WaitRendered(page);
        var withoutPipes = await page.EvaluateAsync<int>(CountPipePixels);
        Assert.True(withPipes > 500, $"only {withPipes} pipe-coloured pixels with the pipe layer on");
        Assert.True(withoutPipes < withPipes / 20, $"{withoutPipes} pipe-coloured pixels remain with the layer off (vs {withPipes})");
    }

    [Fact]
    public async Task Clicking_a_pipe_shows_its_attributes()
    {
        var (context, page) = await Open();
        await using var _ = context;
        var pipe = server.Town.Pipes.Single(p => p.Id == "P-0010");
        var mid = pipe.Geometry.GetCoordinateN(1);
        // Zoom in so the pipe is many pixels long, then click its middle vertex.
        await page.EvaluateAsync($"() => {{ const v = window.dxgeo.map.getView(); v.setZoom(18); v.setCenter(window.dxgeo.map.getCoordinateFromPixel(window.dxgeo.pixelOf({mid.X.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {mid.Y.ToString(System.Globalization.CultureInfo.InvariantCulture)}))); }}");
        await WaitRendered(page);
        var (x, y) = await ScreenPoint(page, mid.X, mid.Y);
        await page.Mouse.ClickAsync((float)x, (float)y);
        var hit = page.Locator("#info section.hit[data-layer='water_pipes'][data-id='P-0010']");
        await hit.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(pipe.Material, await hit.Locator("td[data-field='material']").InnerTextAsync());
        Assert.Contains("Material code", await hit.InnerTextAsync());
        await Shot(page, "identify-pipe");
    }

    [Fact]
    public async Task Search_zooms_to_a_bridge()
    {
        var (context, page) = await Open();
        await using var _ = context;
        await page.FillAsync("#search-input", "川口橋");
        await page.ClickAsync("#search button[type='submit']");
        await page.WaitForSelectorAsync("body[data-zoomed-to='bridges:B-002']", new() { Timeout = 10_000 });
        var centre = await page.EvaluateAsync<double[]>("() => window.dxgeo.centerLonLat()");
        var zoom = await page.EvaluateAsync<double>("() => window.dxgeo.map.getView().getZoom()");
        // The test town put 川口橋 from (141.0200, 38.4100) to (141.0203, 38.4100).
        Assert.Equal(141.02015, centre[0], 3);
        Assert.Equal(38.4100, centre[1], 3);
        Assert.True(zoom >= 16, $"zoom {zoom} is not close in");
        await WaitRendered(page);
        await Shot(page, "search-bridge");
    }

    [Fact]
    public async Task Phone_viewport_hides_the_panel_and_a_tap_opens_the_bottom_sheet()
    {
        var (context, page) = await Open(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = "ja-JP",
        }, query: "");
        await using var _ = context;
        Assert.True(await page.Locator("#toggle-panel").IsVisibleAsync());
        var panel = (await page.Locator("#panel").BoundingBoxAsync())!;
        Assert.True(panel.X + panel.Width <= 1, $"the layer panel covers the map on a phone (x {panel.X}, width {panel.Width})");
        Assert.Equal("検索", await page.InnerTextAsync("#search button[type='submit']")); // Japanese by default for ja-JP
        var mid = server.Town.Pipes.Single(p => p.Id == "P-0001").Geometry.GetCoordinateN(1);
        await page.EvaluateAsync($"() => {{ const v = window.dxgeo.map.getView(); v.setZoom(18); v.setCenter(window.dxgeo.map.getCoordinateFromPixel(window.dxgeo.pixelOf({mid.X.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {mid.Y.ToString(System.Globalization.CultureInfo.InvariantCulture)}))); }}");
        await WaitRendered(page);
        var (x, y) = await ScreenPoint(page, mid.X, mid.Y);
        await page.Touchscreen.TapAsync((float)x, (float)y);
        var hit = page.Locator("#info section.hit[data-id='P-0001']");
        await hit.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Contains("管種", await hit.InnerTextAsync());
        var sheet = (await page.Locator("#info").BoundingBoxAsync())!;
        var main = (await page.Locator("#main").BoundingBoxAsync())!;
        Assert.Equal(main.Y + main.Height, sheet.Y + sheet.Height, 1); // a bottom sheet, above the coordinate bar
        Assert.Equal(390, sheet.Width, 1);
        await Shot(page, "phone-identify");
        await page.ClickAsync("#toggle-panel");
        await page.WaitForTimeoutAsync(300); // the panel's slide-in transition
        Assert.True((await page.Locator("#panel").BoundingBoxAsync())!.X >= 0);
        await Shot(page, "phone-layers");
    }
}

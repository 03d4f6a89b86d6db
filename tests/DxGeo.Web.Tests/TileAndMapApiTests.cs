using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace DxGeo.Web.Tests;

[Collection(ServerCollection.Name)]
public sealed class TileAndMapApiTests(ServerFixture f)
{
    /// <summary>The z/x/y tile containing a lon/lat (standard XYZ formula, independent of the server's).</summary>
    internal static (int Z, int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var r = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n);
        return (z, x, y);
    }

    [Fact]
    public async Task Tile_over_the_pipes_decodes_to_the_pipe_features_with_ids()
    {
        var (z, x, y) = TileOf(TestTown.Lon0 + 0.003, TestTown.Lat0 + 0.002, 14);
        var res = await f.Client.GetAsync($"/tiles/water_pipes/{z}/{x}/{y}.pbf");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", res.Content.Headers.ContentType?.MediaType);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
        var layer = Assert.Single(tile.Layers);
        Assert.Equal("water_pipes", layer.Name);
        var ids = layer.Features.Select(ft => (string)ft.Attributes["pipe_id"]).Order().ToList();
        Assert.Equal(f.Town.Pipes.Select(p => p.Id).Order(), ids); // the whole grid fits in one z14 tile
        Assert.Contains("material", layer.Features[0].Attributes.GetNames());
    }

    [Fact]
    public async Task Tile_is_gzipped_when_accepted_and_revalidates_with_its_etag()
    {
        var (z, x, y) = TileOf(TestTown.Lon0, TestTown.Lat0, 13);
        var req = new HttpRequestMessage(HttpMethod.Get, $"/tiles/water_pipes/{z}/{x}/{y}.pbf");
        req.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var res = await f.Client.SendAsync(req);
        Assert.Contains("gzip", res.Content.Headers.ContentEncoding);
        var gz = await res.Content.ReadAsByteArrayAsync();
        using var unzipped = new MemoryStream();
        await new GZipStream(new MemoryStream(gz), CompressionMode.Decompress).CopyToAsync(unzipped);
        var plain = await f.Client.GetByteArrayAsync($"/tiles/water_pipes/{z}/{x}/{y}.pbf");
        Assert.Equal(plain, unzipped.ToArray());

        var again = new HttpRequestMessage(HttpMethod.Get, $"/tiles/water_pipes/{z}/{x}/{y}.pbf");
        again.Headers.IfNoneMatch.Add(res.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await f.Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Tile_far_from_any_feature_is_empty()
    {
        var (z, x, y) = TileOf(135.0, 35.0, 14);
        var bytes = await f.Client.GetByteArrayAsync($"/tiles/water_pipes/{z}/{x}/{y}.pbf");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
        Assert.Empty(tile.Layers.SelectMany(l => l.Features));
    }

    [Theory]
    [InlineData("/tiles/water_pipes/3/8/1.pbf")]
    [InlineData("/tiles/water_pipes/30/0/0.pbf")]
    [InlineData("/tiles/water_pipes/14/1/2.png")]
    public async Task Invalid_tile_address_is_a_400_problem(string url)
    {
        var res = await f.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Identify_returns_the_pipe_under_the_point_with_dictionary_labels()
    {
        var p = f.Town.Pipes.Single(x => x.Id == "P-0010");
        var mid = p.Geometry.GetCoordinateN(1);
        var doc = JsonDocument.Parse(await f.Client.GetStringAsync(FormattableString.Invariant($"/api/identify?lon={mid.X}&lat={mid.Y}&radiusM=5"))).RootElement;
        var hits = doc.GetProperty("features").EnumerateArray().ToList();
        // Everything under the point: the pipe, and the flood zone it lies in.
        Assert.Equal(["flood_zones", "water_pipes"], hits.Select(h => h.GetProperty("layer").GetString()).Order());
        var hit = hits.Single(h => h.GetProperty("layer").GetString() == "water_pipes");
        Assert.Equal("P-0010", hit.GetProperty("id").GetString());
        var material = hit.GetProperty("properties").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "material");
        Assert.Contains("管種", material.GetProperty("label").GetString());
        Assert.Equal(p.Material, material.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Identify_measures_in_metres_not_degrees()
    {
        // 30 m north of a pipe's midpoint (rows are ~100 m apart): inside 40 m, outside 20 m.
        var p = f.Town.Pipes.Single(x => x.Id == "P-0001").Geometry.GetCoordinateN(1);
        var lat = p.Y + 30 / 111_000.0;
        string Url(int r) => FormattableString.Invariant($"/api/identify?lon={p.X}&lat={lat}&radiusM={r}");
        var near = JsonDocument.Parse(await f.Client.GetStringAsync(Url(40))).RootElement.GetProperty("features");
        var far = JsonDocument.Parse(await f.Client.GetStringAsync(Url(20))).RootElement.GetProperty("features");
        Assert.Contains(near.EnumerateArray(), h => h.GetProperty("id").GetString() == "P-0001");
        Assert.DoesNotContain(far.EnumerateArray(), h => h.GetProperty("layer").GetString() == "water_pipes");
    }

    [Fact]
    public async Task Search_finds_a_bridge_by_name_fragment_and_a_pipe_by_exact_id()
    {
        var bridge = JsonDocument.Parse(await f.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("大橋"))).RootElement;
        var hit = Assert.Single(bridge.GetProperty("results").EnumerateArray());
        Assert.Equal("B-001", hit.GetProperty("id").GetString());
        var bbox = hit.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(141.0100, bbox[0], 6);
        var pipe = JsonDocument.Parse(await f.Client.GetStringAsync("/api/search?q=P-0007")).RootElement;
        Assert.Contains(pipe.GetProperty("results").EnumerateArray(), r => r.GetProperty("id").GetString() == "P-0007" && r.GetProperty("exact").GetBoolean());
    }

    [Fact]
    public async Task Config_lists_layers_with_tiles_and_the_plane_rectangular_zone_of_the_area()
    {
        var doc = JsonDocument.Parse(await f.Client.GetStringAsync("/api/config")).RootElement;
        // 141.0 E, 38.4 N is Miyagi: JGD2011 zone X (EPSG:6678).
        Assert.Equal(6678, doc.GetProperty("metricCrs").GetProperty("epsg").GetInt32());
        var pipes = doc.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "water_pipes");
        Assert.Equal(40, pipes.GetProperty("featureCount").GetInt32());
        Assert.Equal("/tiles/water_pipes/{z}/{x}/{y}.pbf", pipes.GetProperty("tiles").GetString());
        Assert.False(doc.TryGetProperty("baseMap", out _)); // the fixture serves without a base map (offline)
    }

    [Fact]
    public async Task Mesh_summary_adds_up_to_the_pipe_count()
    {
        var doc = JsonDocument.Parse(await f.Client.GetStringAsync("/api/mesh/water_pipes?level=1km")).RootElement;
        var cells = doc.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(cells);
        // A pipe crossing a cell edge counts in both cells, so the sum is at least the pipe count.
        Assert.True(cells.Sum(c => c.GetProperty("properties").GetProperty("feature_count").GetInt32()) >= f.Town.Pipes.Count);
        Assert.All(cells, c => Assert.Equal(8, c.GetProperty("properties").GetProperty("mesh_code").GetString()!.Length)); // third-level codes
    }

    [Fact]
    public async Task Health_reports_ok_and_the_layer_count()
    {
        var doc = JsonDocument.Parse(await f.Client.GetStringAsync("/health")).RootElement;
        Assert.Equal("ok", doc.GetProperty("status").GetString());
        Assert.Equal(6, doc.GetProperty("layers").GetInt32());
    }
}

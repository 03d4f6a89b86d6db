using System.Net;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace DxGeo.Web.Tests;

[Collection(ServerCollection.Name)]
public sealed class OgcApiTests(ServerFixture f)
{
    private async Task<JsonElement> Get(string url, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var res = await f.Client.GetAsync(url);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expect, $"{url}: {(int)res.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static IEnumerable<string> Rels(JsonElement doc) => doc.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()!);

    private static string? Href(JsonElement doc, string rel) =>
        doc.GetProperty("links").EnumerateArray().FirstOrDefault(l => l.GetProperty("rel").GetString() == rel) is { ValueKind: JsonValueKind.Object } l
            ? l.GetProperty("href").GetString() : null;

    [Fact]
    public async Task Landing_page_links_conformance_data_and_api_definition()
    {
        var doc = await Get("/");
        Assert.Contains("conformance", Rels(doc));
        Assert.Contains("data", Rels(doc));
        Assert.Contains("service-desc", Rels(doc));
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_and_oas30()
    {
        var classes = (await Get("/conformance")).GetProperty("conformsTo").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
    }

    [Fact]
    public async Task Collections_list_every_layer_with_items_link_and_extent()
    {
        var doc = await Get("/collections");
        var ids = doc.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["bridges", "flood_zones", "images", "levees", "pipe_breaks", "water_pipes"], ids);
        var pipes = await Get("/collections/water_pipes");
        Assert.EndsWith("/collections/water_pipes/items", Href(pipes, "items"));
        var bbox = pipes.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var expected = new Envelope();
        foreach (var p in f.Town.Pipes) expected.ExpandToInclude(p.Geometry.EnvelopeInternal);
        Assert.Equal(expected.MinX, bbox[0], 6);
        Assert.Equal(expected.MaxY, bbox[3], 6);
    }

    [Fact]
    public async Task Items_page_through_with_next_links_until_every_feature_is_seen()
    {
        var seen = new HashSet<string>();
        string? url = "/collections/water_pipes/items?limit=15";
        var pages = 0;
        while (url is not null)
        {
            var doc = await Get(url);
            Assert.Equal(f.Town.Pipes.Count, doc.GetProperty("numberMatched").GetInt64());
            var features = doc.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(features.Count, doc.GetProperty("numberReturned").GetInt32());
            foreach (var ft in features) Assert.True(seen.Add(ft.GetProperty("properties").GetProperty("pipe_id").GetString()!));
            url = Href(doc, "next") is { } next ? new Uri(next).PathAndQuery : null;
            pages++;
        }
        Assert.Equal(3, pages); // 40 features in pages of 15
        Assert.Equal(f.Town.Pipes.Select(p => p.Id).Order(), seen.Order());
    }

    [Fact]
    public async Task Items_carry_geometry_in_lon_lat_and_every_attribute()
    {
        var doc = await Get("/collections/water_pipes/items?pipe_id=P-0003");
        var feature = Assert.Single(doc.GetProperty("features").EnumerateArray());
        var expected = f.Town.Pipes.Single(p => p.Id == "P-0003");
        Assert.Equal("LineString", feature.GetProperty("geometry").GetProperty("type").GetString());
        var first = feature.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.Equal(expected.Geometry.StartPoint.X, first[0].GetDouble(), 7);
        Assert.Equal(expected.Geometry.StartPoint.Y, first[1].GetDouble(), 7);
        var props = feature.GetProperty("properties");
        Assert.Equal(expected.Material, props.GetProperty("material").GetString());
        Assert.Equal("湊町", props.GetProperty("district").GetString());
        Assert.Equal(14, props.EnumerateObject().Count());
    }

    [Fact]
    public async Task Bbox_returns_only_features_that_meet_the_box()
    {
        var (lon, lat) = TestTown.PipeStart(2, 1);
        var box = new Envelope(lon - 0.0001, lon + 0.0001, lat - 0.0001, lat + 0.0001 + TestTown.RowDLat);
        var doc = await Get(FormattableString.Invariant($"/collections/water_pipes/items?bbox={box.MinX},{box.MinY},{box.MaxX},{box.MaxY}"));
        Assert.Equal(f.Town.PipesIntersecting(box), doc.GetProperty("numberMatched").GetInt32());
        Assert.Equal(2, doc.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task Datetime_interval_filters_on_the_layer_time_field()
    {
        var doc = await Get("/collections/pipe_breaks/items?datetime=2020-01-01T00:00:00Z/2022-12-31T23:59:59Z");
        var dates = doc.GetProperty("features").EnumerateArray().Select(x => x.GetProperty("properties").GetProperty("date").GetString()).ToList();
        Assert.Equal(TestTown.BreakDates.Where(d => string.CompareOrdinal(d, "2020") >= 0 && string.CompareOrdinal(d, "2023") < 0), dates);
        var open = await Get("/collections/pipe_breaks/items?datetime=../2020-01-15");
        Assert.Equal(2, open.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Property_filter_selects_by_attribute_and_next_link_keeps_it()
    {
        var doc = await Get("/collections/water_pipes/items?material=VP&limit=3");
        var expected = f.Town.Pipes.Count(p => p.Material == "VP");
        Assert.Equal(expected, doc.GetProperty("numberMatched").GetInt32());
        Assert.All(doc.GetProperty("features").EnumerateArray(), x => Assert.Equal("VP", x.GetProperty("properties").GetProperty("material").GetString()));
        Assert.Contains("material=VP", Href(doc, "next"));
    }

    [Fact]
    public async Task Single_item_by_id_and_404_for_a_missing_one()
    {
        var list = await Get("/collections/bridges/items");
        var id = list.GetProperty("features")[0].GetProperty("id").GetInt64();
        var one = await Get($"/collections/bridges/items/{id}");
        Assert.Equal("Feature", one.GetProperty("type").GetString());
        Assert.Equal(id, one.GetProperty("id").GetInt64());
        var missing = await Get("/collections/bridges/items/99999", HttpStatusCode.NotFound);
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Oversized_limit_is_clamped_to_the_server_maximum()
    {
        var doc = await Get("/collections/water_pipes/items?limit=1000000");
        Assert.Equal(25, doc.GetProperty("numberReturned").GetInt32()); // fixture MaxLimit
        Assert.Equal(40, doc.GetProperty("numberMatched").GetInt32());
    }

    [Theory]
    [InlineData("/collections/water_pipes/items?bbox=1,2,3", "bbox")]
    [InlineData("/collections/water_pipes/items?bbox=a,b,c,d", "bbox")]
    [InlineData("/collections/water_pipes/items?bbox=141,39,142,38", "latitude")]
    [InlineData("/collections/water_pipes/items?limit=0", "limit")]
    [InlineData("/collections/water_pipes/items?limit=99999999999999999999", "limit")]
    [InlineData("/collections/water_pipes/items?offset=-1", "offset")]
    [InlineData("/collections/water_pipes/items?colour=red", "colour")]
    [InlineData("/collections/water_pipes/items?diameter_mm=wide", "diameter_mm")]
    [InlineData("/collections/water_pipes/items?datetime=2020-01-01", "time field")]
    [InlineData("/collections/pipe_breaks/items?datetime=yesterday", "datetime")]
    public async Task Bad_query_is_a_400_problem_naming_the_parameter(string url, string mentioned)
    {
        var res = await f.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, doc.GetProperty("status").GetInt32());
        Assert.Contains(mentioned, doc.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_collection_is_a_404_problem_listing_the_collections()
    {
        var doc = await Get("/collections/sewers/items", HttpStatusCode.NotFound);
        Assert.Contains("water_pipes", doc.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApi_document_is_3_0_and_describes_the_items_endpoint()
    {
        var doc = await Get("/openapi/v1.json");
        Assert.StartsWith("3.0", doc.GetProperty("openapi").GetString());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/collections/{collectionId}/items", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/tiles/{layer}/{z}/{x}/{y}", out _));
    }
}

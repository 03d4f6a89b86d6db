using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace DxGeo.Web.Tests;

[Collection(ServerCollection.Name)]
public sealed class PlanPreviewApiTests(ServerFixture f)
{
    // The test town's levee L-01 runs from (141.0000, 38.3950) to (141.0100, 38.3950) and has no base width.
    private const string Levee = "/api/plan/preview?layer=levees&id=L-01&widthM=40";

    private static JsonElement Features(JsonElement doc, string kind) =>
        JsonSerializer.SerializeToElement(doc.GetProperty("features").GetProperty("features").EnumerateArray()
            .Where(x => x.GetProperty("properties").GetProperty("kind").GetString() == kind).ToList());

    [Fact]
    public async Task Levee_preview_flies_along_the_levee_with_photos_and_sorties()
    {
        var res = await f.Client.GetAsync(Levee);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        var totals = doc.GetProperty("totals");
        Assert.True(totals.GetProperty("sorties").GetInt32() >= 1);
        var photos = Features(doc, "photo").EnumerateArray().ToList();
        Assert.Equal(totals.GetProperty("photos").GetInt32(), photos.Count);
        // Every photo is taken over the 40 m corridor: within ~25 m (0.0003°) of the levee line's latitude and along its length.
        foreach (var p in photos)
        {
            var c = p.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 140.9995, 141.0105);
            Assert.InRange(c[1].GetDouble(), 38.3950 - 0.0003, 38.3950 + 0.0003);
        }
        Assert.NotEmpty(Features(doc, "route").EnumerateArray());
        Assert.Contains(doc.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("40 m wide"));
        Assert.Equal("levees", doc.GetProperty("asset").GetProperty("layer").GetString());
    }

    [Fact]
    public async Task Area_preview_by_POST_and_downloads_as_plan_and_kml()
    {
        var body = """{"bbox":[141.001,38.401,141.004,38.403],"gsdCmPerPx":3,"frontOverlapPct":75,"launch":[[141.0025,38.4005]]}""";
        var res = await f.Client.PostAsync("/api/plan/preview", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.True(doc.GetProperty("totals").GetProperty("photos").GetInt32() > 0);
        Assert.All(doc.GetProperty("sorties").EnumerateArray(), s => Assert.Equal("L1", s.GetProperty("launch").GetString()));
        Assert.Equal(3, doc.GetProperty("passes")[0].GetProperty("gsdCmPerPx").GetDouble(), 2);

        var plan = await f.Client.GetAsync("/api/plan/preview?bbox=141.001,38.401,141.004,38.403&gsdCmPerPx=3&format=plan");
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.EndsWith(".plan", plan.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var qgc = JsonDocument.Parse(await plan.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Plan", qgc.GetProperty("fileType").GetString());
        Assert.True(qgc.GetProperty("mission").GetProperty("items").GetArrayLength() > 2);

        var kml = await f.Client.GetStringAsync("/api/plan/preview?bbox=141.001,38.401,141.004,38.403&gsdCmPerPx=3&format=kml");
        Assert.Equal("kml", XDocument.Parse(kml).Root!.Name.LocalName);
    }

    [Theory]
    [InlineData("/api/plan/preview?layer=levees&id=L-01&widthM=40&gsdCmPerPx=2&altitudeM=60", 400, "not both")]
    [InlineData("/api/plan/preview?layer=water_pipes&id=P-0001", 400, "levees")]
    [InlineData("/api/plan/preview?layer=levees", 400, "together")]
    [InlineData("/api/plan/preview", 400, "exactly one target")]
    [InlineData("/api/plan/preview?bbox=141.004,38.401,141.001,38.403", 400, "min < max")]
    [InlineData("/api/plan/preview?bbox=141,38.4,141.1,38.5", 400, "km²")]
    [InlineData("/api/plan/preview?layer=levees&id=L-01&widthM=40&frontOverlapPct=120", 400, "frontOverlapPct")]
    [InlineData("/api/plan/preview?layer=levees&id=L-01&widthM=abc", 400, "widthM")]
    [InlineData("/api/plan/preview?layer=levees&id=L-01&speed=9", 400, "unknown parameter 'speed'")]
    [InlineData("/api/plan/preview?layer=levees&id=L-01", 400, "base width")]
    [InlineData("/api/plan/preview?layer=levees&id=L-99&widthM=40", 404, "L-99")]
    [InlineData("/api/plan/preview?layer=levees&id=L-01&widthM=40&camera=no-such-camera", 400, "unknown camera")]
    [InlineData("/api/plan/preview?layer=levees&id=L-01&widthM=40&format=exe", 400, "format")]
    [InlineData("/api/plan/preview?layer=levees&id=L-01&widthM=40&format=plan&sortie=9", 400, "sortie 9")]
    public async Task Bad_plan_requests_are_problem_details_naming_the_field(string url, int status, string mention)
    {
        var res = await f.Client.GetAsync(url);
        await AssertProblem(res, status, mention);
    }

    [Theory]
    [InlineData("""{"bbox":[141.001,38.401""", "application/json", 400, "not a plan request")]
    [InlineData("""{"bbox":[141.001,38.401,141.004,38.403],"altitude":50}""", "application/json", 400, "altitude")]
    [InlineData("""{"area":[[141.001,38.401],[141.004,38.403]]}""", "application/json", 400, "3–1000")]
    [InlineData("""{"area":[[141.001,38.401],[141.004,38.403],[141.004,38.401],[141.001,38.403]]}""", "application/json", 400, "cross")]
    [InlineData("""{"bbox":[141.001,38.401,141.004,38.403]}""", "text/plain", 415, "application/json")]
    public async Task Bad_plan_bodies_are_problem_details(string body, string contentType, int status, string mention)
    {
        var res = await f.Client.PostAsync("/api/plan/preview", new StringContent(body, Encoding.UTF8, contentType));
        await AssertProblem(res, status, mention);
    }

    [Fact]
    public async Task Preview_does_not_write_to_the_workspace()
    {
        var layers = f.Town.Workspace.ListLayers().Select(l => (l.Name, l.FeatureCount)).ToList();
        await f.Client.GetAsync(Levee);
        Assert.Equal(layers, f.Town.Workspace.ListLayers().Select(l => (l.Name, l.FeatureCount)).ToList());
    }

    internal static async Task AssertProblem(HttpResponseMessage res, int status, string mention)
    {
        Assert.Equal(status, (int)res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, doc.GetProperty("status").GetInt32());
        Assert.Contains(mention, doc.GetProperty("detail").GetString());
    }
}

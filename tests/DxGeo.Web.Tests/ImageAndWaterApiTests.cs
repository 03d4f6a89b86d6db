using System.Net;
using System.Text.Json;

namespace DxGeo.Web.Tests;

[Collection(ServerCollection.Name)]
public sealed class ImageAndWaterApiTests(ServerFixture f)
{
    [Fact]
    public async Task Image_is_streamed_from_the_path_the_images_layer_names()
    {
        var res = await f.Client.GetAsync($"/api/images/{TestTown.ImageId}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("image/png", res.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestTown.Png, await res.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("..%2F..%2F..%2Fetc%2Fpasswd", 400)]
    [InlineData("..%2Ftown.gpkg", 400)]
    [InlineData("photo.png", 400)]
    [InlineData("A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90", 400)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", 404)]
    [InlineData(TestTown.SneakyImageId, 404)] // its path is relative and climbs out (../../etc/passwd.jpg)
    public async Task Image_requests_that_are_not_a_known_id_with_an_image_file_are_refused(string id, int status)
    {
        foreach (var url in new[] { $"/api/images/{id}", $"/api/images/{id}/thumb" })
        {
            var res = await f.Client.GetAsync(url);
            Assert.Equal(status, (int)res.StatusCode);
            var body = await res.Content.ReadAsStringAsync();
            Assert.DoesNotContain("root:", body);
            Assert.DoesNotContain("SQLite format", body);
        }
    }

    [Fact]
    public async Task Thumbnail_naming_a_non_image_file_is_not_served()
    {
        // The test town's thumb_path of this image is the workspace file itself.
        var res = await f.Client.GetAsync($"/api/images/{TestTown.ImageId}/thumb");
        await PlanPreviewApiTests.AssertProblem(res, 404, "not an absolute image file path");
    }

    [Fact]
    public async Task Risk_ranking_lists_scored_pipes_highest_first()
    {
        var doc = JsonDocument.Parse(await f.Client.GetStringAsync("/api/water/ranking?limit=5")).RootElement;
        // The test town scored the even-numbered pipes n/100: the top five are P-0040, P-0038, … P-0032.
        Assert.Equal(["P-0040", "P-0038", "P-0036", "P-0034", "P-0032"],
            doc.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("pipeId").GetString()!).ToArray());
        Assert.Equal(20, doc.GetProperty("scored").GetInt32());
        Assert.Equal(f.Town.Pipes.Count, doc.GetProperty("pipes").GetInt32());
        var top = doc.GetProperty("ranking")[0];
        Assert.Equal(0.40, top.GetProperty("riskBreakProb").GetDouble(), 6);
        var p40 = f.Town.Pipes.Single(p => p.Id == "P-0040").Geometry.EnvelopeInternal;
        Assert.Equal(p40.MinX, top.GetProperty("bbox")[0].GetDouble(), 9);
    }

    [Fact]
    public async Task Water_views_without_their_data_say_what_is_missing()
    {
        await PlanPreviewApiTests.AssertProblem(await f.Client.GetAsync("/api/water/capture"), 404, "pipe breaks linked to pipes");
        await PlanPreviewApiTests.AssertProblem(await f.Client.GetAsync("/api/water/roadworks"), 404, "road_works");
        await PlanPreviewApiTests.AssertProblem(await f.Client.GetAsync("/api/water/roadworks?distanceM=-1"), 400, "distanceM");
        var renewal = JsonDocument.Parse(await f.Client.GetStringAsync("/api/water/renewal")).RootElement;
        Assert.Empty(renewal.GetProperty("years").EnumerateArray());
    }
}

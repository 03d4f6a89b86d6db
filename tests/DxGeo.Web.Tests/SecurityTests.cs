using System.Net;

namespace DxGeo.Web.Tests;

[Collection(ServerCollection.Name)]
public sealed class SecurityTests(ServerFixture f)
{
    [Theory]
    [InlineData("/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/collections/..%2F..%2Fetc%2Fpasswd/items")]
    [InlineData("/tiles/..%2Ftown.gpkg/1/1/1.pbf")]
    [InlineData("/town.gpkg")]
    public async Task Path_traversal_and_workspace_file_requests_are_refused(string url)
    {
        var res = await f.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        var body = await res.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("SQLite format", body);
    }

    [Theory]
    [InlineData("POST", "/collections/water_pipes/items")]
    [InlineData("PUT", "/collections/water_pipes/items/1")]
    [InlineData("DELETE", "/collections/water_pipes/items/1")]
    [InlineData("PATCH", "/collections/water_pipes/items/1")]
    public async Task No_endpoint_writes(string method, string url)
    {
        var before = f.Town.Workspace.Count("water_pipes");
        var res = await f.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") });
        Assert.False(res.IsSuccessStatusCode, $"{method} {url} answered {(int)res.StatusCode}");
        Assert.Equal(before, f.Town.Workspace.Count("water_pipes"));
    }
}

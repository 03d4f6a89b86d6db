using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Audit;

namespace DxGeo.Review.Tests.Web;

public sealed class ReviewApiTests(ReviewServer s) : IClassFixture<ReviewServer>
{
    private string F(int i) => s.Town.FindingIds[i];

    private long Version(int i) => (long)s.Town.Workspace.Read(FindingsLayer.Name).Single(r => (string)r.Values[0]! == F(i)).Values[FindingsLayer.Schema.IndexOf("version")]!;

    private static object Confirm(long version) => new { verdict = "confirmed", version, damageType = "crack", severity = "II" };

    [Fact]
    public async Task Anonymous_reads_and_writes_are_401()
    {
        using var c = s.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/review/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync($"/api/review/images/{s.Town.ImageIds[0]}")).StatusCode);
        await ReviewServer.Csrf(c);
        var res = await c.PostAsJsonAsync($"/api/review/findings/{F(0)}/decision", Confirm(1));
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Equal(1, Version(0));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("planner")]
    [InlineData("admin")]
    public async Task Roles_that_do_not_review_get_403(string user)
    {
        using var c = await s.SignedIn(user);
        var res = await c.PostAsJsonAsync($"/api/review/findings/{F(1)}/decision", Confirm(1));
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Equal(1, Version(1));
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/review/queue")).StatusCode);
    }

    [Fact]
    public async Task Write_without_csrf_token_is_refused()
    {
        using var c = await s.SignedIn("insp-a");
        c.DefaultRequestHeaders.Remove(DxGeo.Web.Auth.WriteGuard.HeaderName);
        var res = await c.PostAsJsonAsync($"/api/review/findings/{F(2)}/decision", Confirm(1));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains("CSRF", await res.Content.ReadAsStringAsync());
        Assert.Equal(1, Version(2));
        // A token from another session does not do either.
        using var other = await s.SignedIn("insp-b");
        c.DefaultRequestHeaders.Add(DxGeo.Web.Auth.WriteGuard.HeaderName, other.DefaultRequestHeaders.GetValues(DxGeo.Web.Auth.WriteGuard.HeaderName).Single());
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostAsJsonAsync($"/api/review/findings/{F(2)}/decision", Confirm(1))).StatusCode);
        Assert.Equal(1, Version(2));
    }

    [Fact]
    public async Task Stale_version_is_409_with_the_current_version()
    {
        using var a = await s.SignedIn("insp-a");
        using var b = await s.SignedIn("insp-b");
        var first = await a.PostAsJsonAsync($"/api/review/findings/{F(5)}/decision", Confirm(1));
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var res = await b.PostAsJsonAsync($"/api/review/findings/{F(5)}/decision", new { verdict = "false_alarm", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("currentVersion").GetInt64());
        Assert.Equal("confirmed", (string)s.Town.Workspace.Read(FindingsLayer.Name).Single(r => (string)r.Values[0]! == F(5)).Values[FindingsLayer.Schema.IndexOf("status")]!);
    }

    [Theory]
    [InlineData("/api/review/images/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/review/images/%2Fetc%2Fpasswd/thumb")]
    [InlineData("/api/review/images/..%2Ftown.gpkg")]
    [InlineData("/api/review/images/....%2F%2Fetc%2Fpasswd")]
    [InlineData("/api/review/images/0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Image_requests_resolve_only_workspace_image_ids(string url)
    {
        using var c = await s.SignedIn("viewer");
        var res = await c.GetAsync(url);
        Assert.True(res.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{url}: {(int)res.StatusCode}");
        var body = await res.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("SQLite format", body);
    }

    [Fact]
    public async Task Images_stream_at_full_resolution_and_as_thumbnails()
    {
        using var c = await s.SignedIn("viewer");
        var full = await c.GetByteArrayAsync($"/api/review/images/{s.Town.ImageIds[0]}");
        Assert.Equal(await File.ReadAllBytesAsync(s.Town.ImagePaths[0]), full);
        var thumb = await c.GetByteArrayAsync($"/api/review/images/{s.Town.ImageIds[0]}/thumb");
        using var bmp = SkiaSharp.SKBitmap.Decode(thumb);
        Assert.True(bmp.Width <= 320 && bmp.Height <= 320 && bmp.Width > 0);
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        using var c = await s.SignedIn("insp-a");
        var json = JsonSerializer.Serialize(new { verdict = "confirmed", version = 1, damageType = "crack", severity = "II", comment = new string('x', 200_000) });
        var res = await c.PostAsync($"/api/review/findings/{F(4)}/decision", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, res.StatusCode);
        Assert.Equal(1, Version(4));
    }

    [Fact]
    public async Task Login_cookie_is_httponly_and_samesite_strict_and_bad_password_is_401()
    {
        using var c = s.Anonymous();
        await ReviewServer.Csrf(c);
        var bad = await c.PostAsJsonAsync("/api/auth/login", new { userName = "insp-a", password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        var ok = await c.PostAsJsonAsync("/api/auth/login", new { userName = "insp-c", password = ReviewServer.Password("insp-c") });
        var cookie = ok.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("dxgeo.session="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Responses_carry_csp_and_forbid_framing()
    {
        using var c = s.Anonymous();
        foreach (var url in new[] { "/", "/review.html", "/api/review/queue", "/collections" })
        {
            var res = await c.GetAsync(url);
            Assert.Contains("frame-ancestors 'none'", res.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", res.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Theory]
    [InlineData("users")]
    [InlineData("audit_log")]
    [InlineData("review_decisions")]
    public async Task Private_tables_are_not_served(string table)
    {
        using var c = await s.SignedIn("admin");
        Assert.DoesNotContain($"\"{table}\"", await c.GetStringAsync("/collections"));
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/collections/{table}/items")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/tiles/{table}/0/0/0.pbf")).StatusCode);
    }

    [Fact]
    public async Task Queue_filters_and_counts_over_http()
    {
        using var c = await s.SignedIn("viewer");
        var q = await c.GetFromJsonAsync<JsonElement>("/api/review/queue?asset=L-01&limit=2");
        // Findings 3, 7, 11 (0-based) are on the levee photo; two per page.
        Assert.Equal(3, q.GetProperty("total").GetInt64());
        Assert.Equal([F(3), F(7)], q.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("finding").GetProperty("findingId").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("/api/review/queue?status=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("/api/review/queue?from=yesterday")).StatusCode);
    }

    [Fact]
    public async Task Session_ends_when_the_password_changes()
    {
        using var c = await s.SignedIn("insp-c");
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/auth/me")).StatusCode);
        new DxGeo.Review.Accounts.AccountStore(s.Town.Store).SetPassword(DxGeo.Review.Accounts.Actor.LocalAdmin, "insp-c", ReviewServer.Password("insp-c"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Audit_trail_is_for_leads_and_admins_and_cannot_be_written()
    {
        using var v = await s.SignedIn("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await v.GetAsync("/api/review/audit")).StatusCode);
        using var a = await s.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/review/audit")).StatusCode);
        var before = AuditTrail.Read(s.Town.Store).Count;
        foreach (var m in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            var res = await a.SendAsync(new HttpRequestMessage(m, "/api/review/audit") { Content = JsonContent.Create(new { }) });
            Assert.False(res.IsSuccessStatusCode, $"{m} /api/review/audit answered {(int)res.StatusCode}");
        }
        Assert.Equal(before, AuditTrail.Read(s.Town.Store).Count);
    }
}

public sealed class RateLimitedServer : ReviewServer
{
    protected override Action<DxGeo.Web.Auth.ReviewWebOptions>? Options => o => o.LoginAttemptsPerMinute = 3;
}

public sealed class LoginRateLimitTests(RateLimitedServer s) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task Login_attempts_beyond_the_limit_get_429()
    {
        using var c = s.Anonymous();
        await ReviewServer.Csrf(c);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await c.PostAsJsonAsync("/api/auth/login", new { userName = "viewer", password = "wrong password" })).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace DxGeo.Web.Tests;

/// <summary>The web app's files: hashed names cached for good, the page revalidated, Brotli/gzip made once.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class StaticAssetsTests(ServerFixture f)
{
    private async Task<HttpResponseMessage> Get(string path, string? acceptEncoding = null, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) req.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null) req.Headers.IfNoneMatch.Add(ifNoneMatch);
        return await f.Client.SendAsync(req);
    }

    [GeneratedRegex(@"(?:src|href)=""((?:app|chunk)-[A-Z0-9]{8}\.(?:js|css))""")]
    private static partial Regex AssetRef();

    [Fact]
    public async Task Page_is_revalidated_and_every_file_it_names_is_immutable()
    {
        var page = await Get("/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-cache", page.Headers.CacheControl!.ToString());
        Assert.NotNull(page.Headers.ETag);
        var html = await page.Content.ReadAsStringAsync();
        var names = AssetRef().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(names, n => n.StartsWith("app-", StringComparison.Ordinal) && n.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains("rel=\"preload\" href=\"/api/config\"", html);
        foreach (var n in names)
        {
            var res = await Get("/" + n);
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{n}: {res.StatusCode}");
            Assert.True(res.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 365 }, $"{n}: Cache-Control {res.Headers.CacheControl}");
            Assert.Contains("immutable", res.Headers.CacheControl!.Extensions.Select(e => e.Name));
        }
        var again = await Get("/index.html", ifNoneMatch: page.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Script_is_sent_compressed_when_accepted_and_decompresses_to_the_same_bytes(string coding)
    {
        var html = await (await Get("/index.html")).Content.ReadAsStringAsync();
        var entry = Regex.Match(html, @"<script type=""module"" src=""(app-[A-Z0-9]{8}\.js)""").Groups[1].Value;
        Assert.NotEmpty(entry);
        var plain = await Get("/" + entry);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.StartsWith("text/javascript", plain.Content.Headers.ContentType!.ToString());
        var raw = await plain.Content.ReadAsByteArrayAsync();

        var packed = await Get("/" + entry, $"{coding}, deflate");
        Assert.Equal(coding, Assert.Single(packed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", packed.Headers.Vary);
        var bytes = await packed.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length < raw.Length / 2, $"{coding}: {bytes.Length} of {raw.Length} bytes");
        using Stream unpack = coding == "br" ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress) : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        await unpack.CopyToAsync(ms);
        Assert.Equal(raw, ms.ToArray());

        var refused = await Get("/" + entry, $"{coding};q=0");
        Assert.Empty(refused.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Unknown_file_and_nested_path_are_404s()
    {
        foreach (var path in new[] { "/app-00000000.js", "/wwwroot/index.html", "/..%2Fappsettings.json" })
        {
            var res = await Get(path);
            Assert.True(res.StatusCode == HttpStatusCode.NotFound, $"{path}: {res.StatusCode}");
        }
    }
}

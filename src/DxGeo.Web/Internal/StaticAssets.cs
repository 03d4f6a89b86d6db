using System.Collections.Concurrent;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace DxGeo.Web.Internal;

/// <summary>
/// Serves the embedded web app (wwwroot, flat) from memory: each file is read once and its Brotli and gzip forms are
/// made once (all of them in the background when the server starts), so a page load costs no compression work.
/// Content-hashed names (<c>app-XXXXXXXX.js</c>, <c>chunk-…</c>, as the web app's build writes them) never change
/// content, so browsers keep them for a year without asking again; everything else (index.html, the review page) is
/// revalidated on every use (<c>no-cache</c> + ETag, answered 304 when unchanged).
/// </summary>
internal sealed partial class StaticAssets(RequestDelegate next, StaticAssets.Store store)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value;
        if (!(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
            || path is null || path.Length < 2 || path.IndexOf('/', 1) >= 0 || store.Get(path[1..]) is not { } asset)
        {
            await next(ctx);
            return;
        }
        var res = ctx.Response;
        res.Headers.ETag = asset.ETag;
        res.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        res.Headers.Vary = "Accept-Encoding";
        if (ctx.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(asset.ETag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            res.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        var (body, encoding) = Pick(ctx.Request.Headers.AcceptEncoding.ToString(), asset);
        res.ContentType = asset.ContentType;
        if (encoding is not null) res.Headers.ContentEncoding = encoding;
        res.ContentLength = body.Length;
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
        await res.Body.WriteAsync(body, ctx.RequestAborted);
    }

    private static (byte[] Body, string? Encoding) Pick(string acceptEncoding, Asset a)
    {
        if (a.Brotli is not null && Accepts(acceptEncoding, "br")) return (a.Brotli, "br");
        if (a.Gzip is not null && Accepts(acceptEncoding, "gzip")) return (a.Gzip, "gzip");
        return (a.Raw, null);
    }

    private static bool Accepts(string header, string coding)
    {
        foreach (var part in header.Split(','))
        {
            var p = part.Split(';', 2);
            if (!p[0].Trim().Equals(coding, StringComparison.OrdinalIgnoreCase)) continue;
            return p.Length == 1 || !QZero().IsMatch(p[1]);
        }
        return false;
    }

    [GeneratedRegex(@"^\s*q\s*=\s*0(\.0*)?\s*$")]
    private static partial Regex QZero();

    /// <summary>One embedded file, ready to send.</summary>
    internal sealed record Asset(byte[] Raw, byte[]? Brotli, byte[]? Gzip, string ContentType, string ETag, bool Immutable);

    /// <summary>The embedded files by name, each prepared on first use (or by <see cref="WarmUp"/>).</summary>
    internal sealed partial class Store(Assembly assembly, string baseNamespace)
    {
        private static readonly FileExtensionContentTypeProvider Types = new();
        private static readonly HashSet<string> Compressible = [".js", ".css", ".html", ".json", ".svg", ".txt", ".map"];
        private readonly EmbeddedFileProvider _files = new(assembly, baseNamespace);
        private readonly ConcurrentDictionary<string, Lazy<Asset>> _assets = new(StringComparer.Ordinal);
        private HashSet<string>? _names;

        // Only embedded names are looked up (and cached): a request for anything else costs no memory.
        private HashSet<string> Names => _names ??= _files.GetDirectoryContents("").Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        public Asset? Get(string name) =>
            Names.Contains(name) ? _assets.GetOrAdd(name, n => new Lazy<Asset>(() => Load(n))).Value : null;

        /// <summary>
        /// Prepares every file on a background thread, so the first page load finds them compressed: the page and
        /// the web app's entry first, in the order a browser asks for them.
        /// </summary>
        public void WarmUp() => Task.Run(() =>
        {
            static int Rank(string n) => n == "index.html" ? 0 : n.StartsWith("app-", StringComparison.Ordinal) ? 1 : n.StartsWith("chunk-", StringComparison.Ordinal) ? 2 : 3;
            foreach (var n in Names.OrderBy(Rank).ThenBy(n => n, StringComparer.Ordinal)) Get(n);
        });

        private Asset Load(string name)
        {
            var file = _files.GetFileInfo(name);
            byte[] raw;
            using (var s = file.CreateReadStream())
            using (var ms = new MemoryStream())
            {
                s.CopyTo(ms);
                raw = ms.ToArray();
            }
            var ext = Path.GetExtension(name).ToLowerInvariant();
            var type = Types.TryGetContentType(name, out var t) ? t : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || ext is ".js" or ".json" or ".svg") type += "; charset=utf-8";
            byte[]? br = null, gz = null;
            if (Compressible.Contains(ext) && raw.Length > 1024)
            {
                br = Smaller(Brotli(raw), raw);
                gz = Smaller(Gzip(raw), raw);
            }
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(raw))[..32]}\"";
            return new Asset(raw, br, gz, type, etag, Hashed().IsMatch(name));
        }

        private static byte[]? Smaller(byte[] packed, byte[] raw) => packed.Length < raw.Length * 0.9 ? packed : null;

        private static byte[] Brotli(byte[] raw)
        {
            // Quality 9: within a few per cent of the maximum (11) for scripts at a fraction of its time.
            var dest = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
            return BrotliEncoder.TryCompress(raw, dest, out var n, quality: 9, window: 22) ? dest[..n] : raw;
        }

        private static byte[] Gzip(byte[] raw)
        {
            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Optimal)) gz.Write(raw);
            return ms.ToArray();
        }

        [GeneratedRegex(@"^(app|chunk)-[A-Z0-9]{8}\.(js|css)$")]
        private static partial Regex Hashed();
    }
}

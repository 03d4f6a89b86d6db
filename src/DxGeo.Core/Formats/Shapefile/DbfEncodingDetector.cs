using System.Text;

namespace DxGeo.Core.Formats.Shapefile;

/// <summary>
/// Which encoding a shapefile's .dbf text is in. In order: the user's --encoding; the .cpg file (GDAL/QGIS/ArcGIS
/// write "UTF-8", "CP932", "932", "SJIS"…); the dBASE language driver byte (0x13/0x7B = Japanese); and, for the many
/// Japanese municipal files that carry neither, the bytes themselves: valid UTF-8, else CP932 (Shift_JIS).
/// GDAL falls back to ISO-8859-1 instead, which garbles Japanese text, so a guess is reported as a warning.
/// </summary>
internal static class DbfEncodingDetector
{
    public static Encoding Resolve(string shpPath, Encoding? overrideEncoding, List<string> warnings)
    {
        if (overrideEncoding is not null) return overrideEncoding;
        var cpg = SidecarPath(shpPath, ".cpg");
        if (cpg is not null)
        {
            var name = File.ReadAllText(cpg).Trim();
            if (TextEncodings.TryResolve(name) is { } fromCpg) return fromCpg;
            warnings.Add($".cpg names an unknown encoding '{name}': guessing from the text instead");
        }
        var dbf = SidecarPath(shpPath, ".dbf")!;
        using var s = File.OpenRead(dbf);
        var header = new byte[32];
        if (s.ReadAtLeast(header, 32, throwOnEndOfStream: false) < 32) return TextEncodings.Utf8;
        if (header[29] is 0x13 or 0x7B) return TextEncodings.Cp932;
        var guess = Sniff(s);
        if (guess is null) return TextEncodings.Utf8; // all ASCII: any choice reads the same
        warnings.Add($"no .cpg file: text read as {TextEncodings.DisplayName(guess)} (guessed from the bytes); give --encoding to override");
        return guess;
    }

    /// <summary>UTF-8 or CP932 judged at the first non-ASCII bytes; null when the records are pure ASCII.</summary>
    private static Encoding? Sniff(Stream records)
    {
        var buf = new byte[64 * 1024];
        int n;
        while ((n = records.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false)) > 0)
        {
            var span = buf.AsSpan(0, n);
            var first = span.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (first >= 0)
            {
                return TextEncodings.LooksLikeUtf8(span[first..]) ? TextEncodings.Utf8 : TextEncodings.Cp932;
            }
            if (n < buf.Length) break;
        }
        return null;
    }

    /// <summary>The sidecar file with the given extension, in either case (.DBF from old tools), or null.</summary>
    public static string? SidecarPath(string shpPath, string ext)
    {
        foreach (var e in new[] { ext, ext.ToUpperInvariant() })
        {
            var p = Path.ChangeExtension(shpPath, e);
            if (File.Exists(p)) return p;
        }
        return null;
    }
}

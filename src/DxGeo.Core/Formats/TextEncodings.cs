using System.Text;
using DxGeo.Core.Errors;

namespace DxGeo.Core.Formats;

/// <summary>
/// The text encodings attribute data comes in: UTF-8 and Shift_JIS as Windows writes it (CP932), which is what
/// Japanese municipal shapefiles and CSVs very often use. Names accepted (case-insensitive): utf-8, utf8, 65001;
/// cp932, shift_jis, sjis, ms932, windows-31j, 932.
/// </summary>
public static class TextEncodings
{
    // Must stay the first static field: initializers run in text order, and Cp932 below needs the provider.
    private static readonly bool ProviderRegistered = Register();

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }

    /// <summary>Makes the Windows code pages (932…) available to <see cref="Encoding.GetEncoding(int)"/>.</summary>
    public static void EnsureRegistered() => _ = ProviderRegistered;

    /// <summary>UTF-8 without BOM (what we write).</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Windows code page 932 (Microsoft's Shift_JIS, with NEC/IBM extensions such as ①, Ⅲ, ㈱).</summary>
    public static Encoding Cp932 { get; } = Encoding.GetEncoding(932);

    /// <summary>Resolves a user-given or .cpg encoding name; null when unknown.</summary>
    public static Encoding? TryResolve(string? name)
    {
        var n = (name ?? "").Trim().Trim('"').ToLowerInvariant().Replace("_", "-");
        return n switch
        {
            "utf-8" or "utf8" or "65001" => Utf8,
            "cp932" or "shift-jis" or "sjis" or "ms932" or "windows-31j" or "932" or "ms-kanji" or "x-sjis" => Cp932,
            "" => null,
            _ => TryCodePage(n),
        };
    }

    /// <summary>Resolves an encoding name or throws naming the option.</summary>
    public static Encoding Resolve(string name, string what = "--encoding") =>
        TryResolve(name) ?? throw new DxGeoException($"{what}: unknown text encoding '{name}' (use utf-8 or cp932)");

    /// <summary>The name written into a shapefile's .cpg (as GDAL and QGIS read it).</summary>
    public static string CpgName(Encoding e) => e.CodePage == 932 ? "CP932" : e.CodePage == 65001 ? "UTF-8" : e.WebName.ToUpperInvariant();

    /// <summary>Short name for reports.</summary>
    public static string DisplayName(Encoding e) => e.CodePage == 932 ? "cp932 (Shift_JIS)" : e.CodePage == 65001 ? "utf-8" : e.WebName;

    /// <summary>True when the bytes are valid UTF-8 (an incomplete sequence at the very end is allowed: the sample may be cut).</summary>
    public static bool LooksLikeUtf8(ReadOnlySpan<byte> sample)
    {
        Span<char> chars = stackalloc char[512];
        while (!sample.IsEmpty)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(sample, chars, out var read, out _,
                replaceInvalidSequences: false, isFinalBlock: false);
            if (status == System.Buffers.OperationStatus.InvalidData) return false;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) return true; // done, or only a cut sequence left
            sample = sample[read..];
        }
        return true;
    }

    private static Encoding? TryCodePage(string n)
    {
        var name = n.StartsWith("cp", StringComparison.Ordinal) ? n[2..] : n;
        try { return int.TryParse(name, out var cp) ? Encoding.GetEncoding(cp) : Encoding.GetEncoding(n); }
        catch (ArgumentException) { return null; }
        catch (NotSupportedException) { return null; }
    }
}

namespace DxGeo.Imagery.Metadata.Internal;

/// <summary>Cheap structural checks before parsing: right magic, and an end-of-image marker near the end.</summary>
internal static class JpegCheck
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];

    public static void RequireCompleteJpeg(string path)
    {
        byte[] head = new byte[4], tail;
        long length;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            length = fs.Length;
            if (length < 4) throw PhotoRejection.For(path, length == 0 ? "empty file" : "file too short to be a JPEG");
            fs.ReadExactly(head);
            // Tail scan window: some cameras pad a few bytes after EOI.
            var n = (int)Math.Min(length, 256);
            tail = new byte[n];
            fs.Seek(-n, SeekOrigin.End);
            fs.ReadExactly(tail);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw PhotoRejection.For(path, $"cannot read file: {e.Message}");
        }
        if (head.AsSpan().StartsWith(Png)) throw PhotoRejection.For(path, "PNG image with a JPEG name (not a JPEG)");
        if (head[0] != 0xFF || head[1] != 0xD8 || head[2] != 0xFF) throw PhotoRejection.For(path, "not a JPEG (no start-of-image marker)");
        for (var i = tail.Length - 2; i >= 0; i--)
            if (tail[i] == 0xFF && tail[i + 1] == 0xD9) return;
        throw PhotoRejection.For(path, "truncated JPEG (no end-of-image marker)");
    }
}

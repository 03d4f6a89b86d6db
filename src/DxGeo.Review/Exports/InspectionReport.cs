using System.Globalization;
using System.Net;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Images;
using DxGeo.Review.Reviews;
using SkiaSharp;

namespace DxGeo.Review.Exports;

/// <summary>
/// A per-asset inspection report as one self-contained HTML page (photos embedded), laid out for A4 so Chromium's
/// "print to PDF" gives the document a municipality files: condition, each confirmed finding's photo with its box,
/// type, grade and reviewers, and the counts of false alarms and findings still open.
/// </summary>
public static class InspectionReport
{
    public const int PhotoWidthPx = 640;

    public static void Write(ReviewStore store, string assetLayer, string assetId, TextWriter w)
    {
        var findings = FindingsExport.All(store).Where(f => f.AssetLayer == assetLayer && f.AssetId == assetId).ToList();
        if (findings.Count == 0) throw new ReviewNotFoundException($"no findings on {assetLayer} '{assetId}'");
        var decisions = DecisionRecord.All(store);
        var confirmed = findings.Where(f => f.Status == FindingStatus.Confirmed)
            .OrderByDescending(f => SeverityScale.Rank(assetLayer, f.Severity)).ThenByDescending(f => f.Score).ToList();
        var worst = confirmed.Count == 0 ? null : confirmed[0].Severity;
        var name = AssetName(store, assetLayer, assetId);
        var files = new ImageFiles(store);
        string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var inv = CultureInfo.InvariantCulture;

        w.WriteLine("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>点検調書 Inspection report {H(assetId)}</title>");
        w.WriteLine("<style>@page{size:A4;margin:15mm}body{font-family:sans-serif;font-size:11pt;color:#111}h1{font-size:16pt}"
            + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}"
            + ".finding{page-break-inside:avoid;margin:8mm 0}.finding img{max-width:100%;height:auto;border:1px solid #666}"
            + ".grade{font-size:20pt;font-weight:bold}</style></head><body>");
        w.WriteLine($"<h1>点検調書 Inspection report: {H(name ?? assetId)} ({H(assetLayer)} {H(assetId)})</h1>");
        w.WriteLine("<table><tr><th>判定 Worst confirmed grade</th><td class=\"grade\" id=\"worst-grade\">" + H(worst ?? "—") + "</td></tr>");
        w.WriteLine($"<tr><th>確認済み Confirmed</th><td>{confirmed.Count}</td></tr>");
        w.WriteLine($"<tr><th>誤検出 False alarms</th><td>{findings.Count(f => f.Status == FindingStatus.FalseAlarm)}</td></tr>");
        w.WriteLine($"<tr><th>未判定・係争 To review / disputed</th><td>{findings.Count(f => f.Status is FindingStatus.ToReview or FindingStatus.Disputed)}</td></tr>");
        w.WriteLine($"<tr><th>作成 Generated</th><td>{store.Now().ToString("yyyy-MM-dd HH:mm 'UTC'", inv)}</td></tr></table>");
        foreach (var f in confirmed)
        {
            w.WriteLine($"<section class=\"finding\" data-finding=\"{H(f.FindingId)}\"><h2>{H(f.FindingId)}: {H(f.DamageType)} — {H(f.Severity)}</h2>");
            var photo = files.FullResolutionPath(f.ImageId) is { } p ? PhotoWithBox(p, f.Box) : null;
            w.WriteLine(photo is null ? "<p>(photo file not available)</p>" : $"<img alt=\"{H(f.FindingId)}\" src=\"data:image/jpeg;base64,{Convert.ToBase64String(photo)}\">");
            w.WriteLine("<table><tr><th>画像 Image</th><td>" + H(f.ImageId[..Math.Min(16, f.ImageId.Length)]) + "</td><th>検出元 Source</th><td>"
                + H(f.Source) + (f.Source == "model" ? " (score " + f.Score.ToString("0.00", inv) + ")" : "") + "</td></tr>");
            w.WriteLine($"<tr><th>枠 Box (px)</th><td colspan=\"3\">{f.Box.XPx}, {f.Box.YPx}, {f.Box.WPx}×{f.Box.HPx}</td></tr>");
            foreach (var d in decisions[f.FindingId])
                w.WriteLine($"<tr><th>{H(d.Kind)}</th><td>{H(d.Reviewer)}</td><td>{H(d.Verdict.ToCode())} {H(d.DamageType)} {H(d.Severity)}<br>{H(d.Comment)}</td>"
                    + $"<td>{d.DecidedAt.ToString("yyyy-MM-dd HH:mm", inv)}</td></tr>");
            w.WriteLine("</table></section>");
        }
        w.WriteLine("</body></html>");
    }

    /// <summary>The photo scaled to <see cref="PhotoWidthPx"/> wide with the finding's box drawn on it (JPEG).</summary>
    internal static byte[]? PhotoWithBox(string path, PixelBox box)
    {
        using var full = SKBitmap.Decode(path);
        if (full is null) return null;
        var k = Math.Min(1f, (float)PhotoWidthPx / full.Width);
        using var scaled = full.Resize(new SKImageInfo(Math.Max(1, (int)(full.Width * k)), Math.Max(1, (int)(full.Height * k))),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)) ?? full.Copy();
        using (var canvas = new SKCanvas(scaled))
        using (var pen = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true })
            canvas.DrawRect(box.XPx * k, box.YPx * k, box.WPx * k, box.HPx * k, pen);
        using var img = SKImage.FromBitmap(scaled);
        using var data = img.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static string? AssetName(ReviewStore store, string layer, string id)
    {
        var info = store.Workspace.FindLayer(layer);
        if (info?.Schema.IdField is not { } idField || info.Schema.IndexOf("name") < 0) return null;
        var rec = store.Workspace.Read(layer, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { [idField] = id }, Limit = 1 }).FirstOrDefault();
        return rec?.Values[info.Schema.IndexOf("name")] as string;
    }
}

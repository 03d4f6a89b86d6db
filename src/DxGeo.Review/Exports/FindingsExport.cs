using System.Globalization;
using System.Text;
using System.Text.Json;
using DxGeo.Core.Workspace;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Reviews;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace DxGeo.Review.Exports;

/// <summary>Findings with their review state as CSV (one row per finding, reviewers listed) or GeoJSON (footprints).</summary>
public static class FindingsExport
{
    private static readonly string[] Columns =
    [
        "finding_id", "image_id", "flight_id", "asset_layer", "asset_id", "score", "source", "status", "damage_type", "severity",
        "box_x_px", "box_y_px", "box_w_px", "box_h_px", "reviewers", "version", "created_at", "updated_at", "lon", "lat",
    ];

    public static IEnumerable<FindingView> All(ReviewStore store) => store.Workspace.FindLayer(FindingsLayer.Name) is null ? []
        : store.Workspace.Read(FindingsLayer.Name).Select(FindingView.From);

    public static void WriteCsv(ReviewStore store, TextWriter w)
    {
        var decisions = DecisionRecord.All(store);
        w.Write(string.Join(',', Columns));
        w.Write("\r\n");
        foreach (var f in All(store))
        {
            var c = f.Footprint?.Centroid;
            string?[] v =
            [
                f.FindingId, f.ImageId, f.FlightId, f.AssetLayer, f.AssetId, Num(f.Score), f.Source, f.Status.ToCode(), f.DamageType, f.Severity,
                I(f.Box.XPx), I(f.Box.YPx), I(f.Box.WPx), I(f.Box.HPx), string.Join(' ', decisions[f.FindingId].Select(d => d.Reviewer).Distinct()),
                I(f.Version), f.CreatedAt.ToString("O", CultureInfo.InvariantCulture), f.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
                c is null ? null : Num(c.X), c is null ? null : Num(c.Y),
            ];
            w.Write(string.Join(',', v.Select(Csv)));
            w.Write("\r\n");
        }
    }

    public static void WriteGeoJson(ReviewStore store, Stream output)
    {
        var fc = new FeatureCollection();
        foreach (var f in All(store))
        {
            var a = new AttributesTable
            {
                { "finding_id", f.FindingId }, { "image_id", f.ImageId }, { "flight_id", f.FlightId }, { "asset_layer", f.AssetLayer },
                { "asset_id", f.AssetId }, { "score", f.Score }, { "source", f.Source }, { "status", f.Status.ToCode() },
                { "damage_type", f.DamageType }, { "severity", f.Severity }, { "box_x_px", f.Box.XPx }, { "box_y_px", f.Box.YPx },
                { "box_w_px", f.Box.WPx }, { "box_h_px", f.Box.HPx }, { "version", f.Version },
                { "updated_at", f.UpdatedAt.ToString("O", CultureInfo.InvariantCulture) },
            };
            fc.Add(new Feature(f.Footprint, a));
        }
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        JsonSerializer.Serialize(output, fc, options);
    }

    internal static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);
    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    internal static string Csv(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        // A leading = + - @ would run as a formula in a spreadsheet: neutralise it (OWASP CSV injection).
        if (s[0] is '=' or '+' or '-' or '@' && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) s = "'" + s;
        return s.IndexOfAny([',', '"', '\r', '\n']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
    }
}

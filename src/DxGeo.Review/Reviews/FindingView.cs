using DxGeo.Core.Features;
using DxGeo.Imagery.Findings;
using DxGeo.Review.Internal;
using NetTopologySuite.Geometries;

namespace DxGeo.Review.Reviews;

/// <summary>A finding as the review workflow sees it (one row of the <c>findings</c> layer).</summary>
public sealed record FindingView
{
    public required long Fid { get; init; }
    public required string FindingId { get; init; }
    public required string ImageId { get; init; }
    public string? FlightId { get; init; }
    public string? AssetLayer { get; init; }
    public string? AssetId { get; init; }
    public double Score { get; init; }
    public string? ModelId { get; init; }
    public required PixelBox Box { get; init; }
    public required string Source { get; init; }
    public FindingStatus Status { get; init; }
    public string? DamageType { get; init; }
    public string? Severity { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Ground footprint of the flagged tile (EPSG:4326).</summary>
    public Geometry? Footprint { get; init; }

    private static LayerSchema S => FindingsLayer.Schema;

    public static FindingView From(FeatureRecord r) => new()
    {
        Fid = r.Fid ?? 0,
        FindingId = r.Text(S, "finding_id") ?? "",
        ImageId = r.Text(S, "image_id") ?? "",
        FlightId = r.Text(S, "flight_id"),
        AssetLayer = r.Text(S, "asset_layer"),
        AssetId = r.Text(S, "asset_id"),
        Score = r.Real(S, "score") ?? 0,
        ModelId = r.Text(S, "model_id"),
        Box = new PixelBox((int)(r.Integer(S, "box_x_px") ?? 0), (int)(r.Integer(S, "box_y_px") ?? 0), (int)(r.Integer(S, "box_w_px") ?? 0), (int)(r.Integer(S, "box_h_px") ?? 0)),
        Source = r.Text(S, "source") ?? "model",
        Status = FindingStatusCodes.Parse(r.Text(S, "status") ?? "to_review"),
        DamageType = r.Text(S, "damage_type"),
        Severity = r.Text(S, "severity"),
        Version = (r.Integer(S, "version") ?? 0),
        CreatedAt = r.Time(S, "created_at") ?? default,
        UpdatedAt = r.Time(S, "updated_at") ?? default,
        Footprint = r.Geometry,
    };

    /// <summary>The row for the findings layer (keeps <see cref="Fid"/> so it can update in place).</summary>
    public FeatureRecord ToRecord()
    {
        var rec = FeatureRecord.Create(S, Footprint,
        ("finding_id", FindingId), ("image_id", ImageId), ("flight_id", FlightId), ("asset_layer", AssetLayer), ("asset_id", AssetId),
        ("score", Score), ("model_id", ModelId), ("box_x_px", (long)Box.XPx), ("box_y_px", (long)Box.YPx), ("box_w_px", (long)Box.WPx),
        ("box_h_px", (long)Box.HPx), ("source", Source), ("status", Status.ToCode()), ("damage_type", DamageType), ("severity", Severity),
        ("version", Version), ("created_at", CreatedAt), ("updated_at", UpdatedAt));
        if (Fid > 0) rec.Fid = Fid;
        return rec;
    }

    /// <summary>What the audit trail records of a finding's state.</summary>
    internal object AuditState() => new
    {
        status = Status.ToCode(), damage_type = DamageType, severity = Severity,
        box = new[] { Box.XPx, Box.YPx, Box.WPx, Box.HPx }, version = Version,
    };
}

using System.Globalization;
using System.Text.Json.Serialization;
using DxGeo.Web.Internal;

namespace DxGeo.Web.Planning;

/// <summary>
/// What the flight planner's form sends to <c>/api/plan/preview</c> (JSON body on POST, the same names as query
/// parameters on GET): the target (a levee or bridge by id, or an area as a lon/lat ring or box), the camera preset,
/// GSD or altitude, overlaps and launch points; <see cref="Format"/> asks for a download instead of the preview.
/// </summary>
internal sealed record PlanPreviewRequest
{
    public const double MaxAreaKm2 = 10;
    public static readonly string[] Formats = ["json", "plan", "kml", "geojson"];

    public string? Layer { get; init; }
    public string? Id { get; init; }
    /// <summary>Area ring as [[lon, lat], …] (closed or not).</summary>
    public double[][]? Area { get; init; }
    /// <summary>Area as minLon, minLat, maxLon, maxLat (GET's short form).</summary>
    public double[]? Bbox { get; init; }
    public string? Camera { get; init; }
    [JsonPropertyName("gsdCmPerPx")] public double? GsdCmPerPx { get; init; }
    [JsonPropertyName("altitudeM")] public double? AltitudeM { get; init; }
    [JsonPropertyName("frontOverlapPct")] public double? FrontOverlapPct { get; init; }
    [JsonPropertyName("sideOverlapPct")] public double? SideOverlapPct { get; init; }
    /// <summary>Launch points as [[lon, lat], …]; none = generated along or around the target.</summary>
    public double[][]? Launch { get; init; }
    /// <summary>Levee corridor width toe to toe (m) when the levee has no base width.</summary>
    [JsonPropertyName("widthM")] public double? WidthM { get; init; }
    [JsonPropertyName("deckWidthM")] public double? DeckWidthM { get; init; }
    [JsonPropertyName("deckHeightM")] public double? DeckHeightM { get; init; }
    public string? Format { get; init; }
    /// <summary>Which sortie a <c>.plan</c> download holds (1-based; a .plan file holds one mission).</summary>
    public int? Sortie { get; init; }

    private static readonly string[] Known =
        ["layer", "id", "area", "bbox", "camera", "gsdCmPerPx", "altitudeM", "frontOverlapPct", "sideOverlapPct", "launch", "widthM", "deckWidthM", "deckHeightM", "format", "sortie"];

    /// <summary>The GET form: every value a query parameter; area and launch as "lon,lat;lon,lat…".</summary>
    public static PlanPreviewRequest FromQuery(IQueryCollection q)
    {
        foreach (var k in q.Keys)
            if (!Known.Contains(k, StringComparer.Ordinal))
                throw ProblemException.BadRequest($"unknown parameter '{k}' (allowed: {string.Join(", ", Known)})");
        return new PlanPreviewRequest
        {
            Layer = q["layer"].FirstOrDefault(), Id = q["id"].FirstOrDefault(), Camera = q["camera"].FirstOrDefault(),
            Format = q["format"].FirstOrDefault(),
            Area = Points(q, "area"), Launch = Points(q, "launch"), Bbox = Numbers(q, "bbox"),
            GsdCmPerPx = Number(q, "gsdCmPerPx"), AltitudeM = Number(q, "altitudeM"),
            FrontOverlapPct = Number(q, "frontOverlapPct"), SideOverlapPct = Number(q, "sideOverlapPct"),
            WidthM = Number(q, "widthM"), DeckWidthM = Number(q, "deckWidthM"), DeckHeightM = Number(q, "deckHeightM"),
            Sortie = Number(q, "sortie") is { } s ? (int)s : null,
        };
    }

    /// <summary>Checks every value a user can get wrong, naming the field, before any planning runs.</summary>
    public void Validate()
    {
        var targets = (Layer is not null || Id is not null ? 1 : 0) + (Area is not null ? 1 : 0) + (Bbox is not null ? 1 : 0);
        if (targets != 1)
            throw ProblemException.BadRequest("give exactly one target: layer + id (a levee or bridge), area (a lon/lat ring) or bbox");
        if ((Layer is null) != (Id is null))
            throw ProblemException.BadRequest("layer and id go together (layer 'levees' or 'bridges', id its levee_id / bridge_id)");
        if (Layer is not null and not ("levees" or "bridges"))
            throw ProblemException.BadRequest($"layer '{Layer}' cannot be planned here: use 'levees' (corridor) or 'bridges' (structure passes), or an area");
        if (Id is { Length: 0 or > 100 }) throw ProblemException.BadRequest("id must be 1–100 characters");
        if (Area is not null)
        {
            if (Area.Length < 3 || Area.Length > 1000) throw ProblemException.BadRequest("area needs 3–1000 [lon, lat] points");
            for (var i = 0; i < Area.Length; i++) LonLatPoint(Area[i], $"area[{i}]");
        }
        if (Bbox is not null)
        {
            if (Bbox.Length != 4 || !(Bbox[0] < Bbox[2] && Bbox[1] < Bbox[3]))
                throw ProblemException.BadRequest("bbox must be minLon,minLat,maxLon,maxLat with min < max");
            LonLatPoint([Bbox[0], Bbox[1]], "bbox");
            LonLatPoint([Bbox[2], Bbox[3]], "bbox");
        }
        if (Launch is { Length: > 20 }) throw ProblemException.BadRequest("launch: at most 20 points");
        for (var i = 0; i < (Launch?.Length ?? 0); i++) LonLatPoint(Launch![i], $"launch[{i}]");
        if (GsdCmPerPx is not null && AltitudeM is not null)
            throw ProblemException.BadRequest("give gsdCmPerPx or altitudeM, not both: one follows from the other");
        Range(GsdCmPerPx, "gsdCmPerPx", 0.05, 50);
        Range(AltitudeM, "altitudeM", 1, 500);
        Range(FrontOverlapPct, "frontOverlapPct", 0, 95);
        Range(SideOverlapPct, "sideOverlapPct", 0, 95);
        Range(WidthM, "widthM", 1, 1000);
        Range(DeckWidthM, "deckWidthM", 1, 100);
        Range(DeckHeightM, "deckHeightM", 1, 200);
        if (Format is not null && !Formats.Contains(Format))
            throw ProblemException.BadRequest($"format '{Format}' is not one of {string.Join(", ", Formats)}");
        if (Sortie is < 1) throw ProblemException.BadRequest("sortie counts from 1");
    }

    private static void LonLatPoint(double[]? p, string field)
    {
        if (p is not { Length: 2 } || !double.IsFinite(p[0]) || !double.IsFinite(p[1]) || p[0] is < -180 or > 180 || p[1] is < -90 or > 90)
            throw ProblemException.BadRequest($"{field} must be [lon, lat] in degrees (lon −180…180, lat −90…90)");
    }

    private static void Range(double? v, string field, double min, double max)
    {
        if (v is { } x && (!double.IsFinite(x) || x < min || x > max))
            throw ProblemException.BadRequest(string.Create(CultureInfo.InvariantCulture, $"{field} {x} is outside {min}–{max}"));
    }

    private static double? Number(IQueryCollection q, string name)
    {
        if (q[name].FirstOrDefault() is not { } s || s.Length == 0) return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw ProblemException.BadRequest($"{name} '{s}' is not a number");
    }

    private static double[]? Numbers(IQueryCollection q, string name)
    {
        if (q[name].FirstOrDefault() is not { } s || s.Length == 0) return null;
        return s.Split(',').Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw ProblemException.BadRequest($"{name} '{s}' must be numbers separated by commas")).ToArray();
    }

    private static double[][]? Points(IQueryCollection q, string name)
    {
        if (q[name].FirstOrDefault() is not { } s || s.Length == 0) return null;
        return s.Split(';').Select(p => p.Split(',').Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw ProblemException.BadRequest($"{name} '{s}' must be lon,lat pairs separated by ';'")).ToArray()).ToArray();
    }
}

using System.Globalization;
using System.Text.Json;
using DxGeo.Core.Errors;

namespace DxGeo.Ops.Triggers;

/// <summary>
/// DxGeo alert JSON: <c>{"id", "kind", "level", "issued", "areas": [{"code", "name"}], "headline", "source", "cancel"}</c>
/// (level: forecast, advisory, warning, major_warning, or a JMA name such as 津波警報).
/// </summary>
internal static class JsonAlertParser
{
    public static Alert Parse(string text, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { throw new InputDataException($"invalid JSON: {e.Message}", source); }
        using (doc)
        {
            var r = doc.RootElement;
            string Req(string f) => r.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s : throw new InputDataException("missing or empty", source, field: f);
            var id = Req("id");
            var levelText = Req("level");
            var level = AlertParser.LevelFromName(levelText)
                ?? throw new InputDataException($"unknown level '{levelText}' (forecast, advisory, warning, major_warning)", source, featureId: id, field: "level");
            if (!DateTimeOffset.TryParse(Req("issued"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued))
                throw new InputDataException("not an ISO 8601 time", source, featureId: id, field: "issued");
            if (!r.TryGetProperty("areas", out var areas) || areas.ValueKind != JsonValueKind.Array || areas.GetArrayLength() == 0)
                throw new InputDataException("an alert needs at least one area", source, featureId: id, field: "areas");
            var list = new List<AlertArea>();
            var i = 0;
            foreach (var a in areas.EnumerateArray())
            {
                var code = a.TryGetProperty("code", out var c) ? c.ToString() : null;
                var name = a.TryGetProperty("name", out var n) ? n.GetString() : null;
                if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(name))
                    throw new InputDataException("an area needs a code or a name", source, i, id, "areas");
                list.Add(new AlertArea(code, name));
                i++;
            }
            return new Alert
            {
                Id = id, Kind = Req("kind").ToLowerInvariant(), Level = level, IssuedUtc = issued.ToUniversalTime(), Areas = list,
                Headline = r.TryGetProperty("headline", out var h) ? h.GetString() ?? "" : "",
                Source = (r.TryGetProperty("source", out var s) ? s.GetString() + " " : "") + "(JSON)",
                IsCancellation = r.TryGetProperty("cancel", out var x) && x.ValueKind == JsonValueKind.True,
            };
        }
    }
}

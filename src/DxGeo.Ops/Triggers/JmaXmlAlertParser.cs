using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DxGeo.Core.Errors;

namespace DxGeo.Ops.Triggers;

/// <summary>
/// JMA disaster-prevention XML (気象庁防災情報XML): <c>Report/Control</c> (Title, DateTime, Status), <c>Report/Head</c>
/// (ReportDateTime, EventID, InfoType 発表/訂正/取消, Headline/Text) and the body's items, each an <c>Area</c> (Name, Code)
/// with a <c>Category/Kind</c> (Name such as 津波警報, Code) or a <c>Kind</c> directly (weather warnings).
/// Namespaces are matched by local name, so the seismology and meteorology bodies both read.
/// The alert id is EventID plus ReportDateTime: a redelivered report has the same id, an update a new one.
/// </summary>
internal static class JmaXmlAlertParser
{
    public static Alert Parse(string text, string source)
    {
        XDocument doc;
        try { doc = XDocument.Parse(text); }
        catch (XmlException e) { throw new InputDataException($"invalid XML: {e.Message}", source); }
        var root = doc.Root!;
        if (root.Name.LocalName != "Report") throw new InputDataException("not a JMA report (root element must be Report)", source, field: "Report");
        var control = Child(root, "Control") ?? throw new InputDataException("missing", source, field: "Report/Control");
        var head = Child(root, "Head") ?? throw new InputDataException("missing", source, field: "Report/Head");
        var title = Text(head, "Title") ?? Text(control, "Title") ?? "";
        var eventId = Text(head, "EventID") ?? throw new InputDataException("missing", source, field: "Head/EventID");
        var reported = Text(head, "ReportDateTime") ?? throw new InputDataException("missing", source, field: "Head/ReportDateTime");
        if (!DateTimeOffset.TryParse(reported, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued))
            throw new InputDataException($"'{reported}' is not an ISO 8601 time", source, featureId: eventId, field: "Head/ReportDateTime");
        var infoType = Text(head, "InfoType") ?? "発表";

        var areas = new List<AlertArea>();
        var index = 0;
        foreach (var item in root.Descendants().Where(e => e.Name.LocalName == "Item" && Child(e, "Area") is not null))
        {
            var area = Child(item, "Area")!;
            var kind = item.Descendants().FirstOrDefault(e => e.Name.LocalName == "Kind" && e.Parent?.Name.LocalName is "Category" or "Item");
            var kindName = kind is null ? null : Text(kind, "Name");
            var level = kindName is null ? null : AlertParser.LevelFromName(kindName);
            var code = Text(area, "Code");
            var name = Text(area, "Name");
            if (code is null && name is null) throw new InputDataException("an area needs a Code or a Name", source, index, eventId, "Item/Area");
            if (level is not null) areas.Add(new AlertArea(code, name, level)); // 解除 and kinds we do not know launch nothing
            index++;
        }
        var status = Text(control, "Status") ?? "通常";
        return new Alert
        {
            Id = $"jma:{eventId}:{issued.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", Kind = KindOf(title), IssuedUtc = issued.ToUniversalTime(),
            Level = areas.Count == 0 ? AlertLevel.Forecast : areas.Max(a => a.Level!.Value), Areas = areas,
            Headline = Child(head, "Headline") is { } hl ? Text(hl, "Text") ?? "" : "",
            Source = $"{Text(control, "PublishingOffice") ?? "JMA"} (JMA XML: {title})",
            IsCancellation = infoType == "取消" || areas.Count == 0,
            Status = status switch { "通常" => "actual", "訓練" => "exercise", "試験" => "test", _ => status },
        };
    }

    private static string KindOf(string title) =>
        title.Contains("津波", StringComparison.Ordinal) ? "tsunami"
        : title.Contains("震度", StringComparison.Ordinal) || title.Contains("地震", StringComparison.Ordinal) ? "earthquake"
        : title.Contains("洪水", StringComparison.Ordinal) || title.Contains("氾濫", StringComparison.Ordinal) ? "flood"
        : title.Contains("土砂", StringComparison.Ordinal) ? "landslide"
        : "weather";

    private static XElement? Child(XElement e, string local) => e.Elements().FirstOrDefault(c => c.Name.LocalName == local);

    private static string? Text(XElement e, string local) => Child(e, local)?.Value.Trim() is { Length: > 0 } s ? s : null;
}

using System.Text;
using DxGeo.Core.Errors;

namespace DxGeo.Ops.Triggers;

/// <summary>Parses an alert document: JMA-style XML (starts with '&lt;') or DxGeo alert JSON (starts with '{').</summary>
public static class AlertParser
{
    public static Alert Parse(ReadOnlySpan<byte> body, string source)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<')) return JmaXmlAlertParser.Parse(text, source);
        if (text.StartsWith('{')) return JsonAlertParser.Parse(text, source);
        throw new InputDataException("an alert must be JMA-style XML or DxGeo alert JSON", source);
    }

    public static Alert ParseFile(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("alert file not found", path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Level from a JMA kind name (大津波警報, 津波警報, 津波注意報, 津波予報, 特別警報, 警報, 注意報) or an English word.</summary>
    internal static AlertLevel? LevelFromName(string name)
    {
        var n = name.Trim();
        if (n.Contains("解除", StringComparison.Ordinal)) return null;
        if (n.Contains("大津波警報", StringComparison.Ordinal) || n.Contains("特別警報", StringComparison.Ordinal)) return AlertLevel.MajorWarning;
        if (n.Contains("警報", StringComparison.Ordinal)) return AlertLevel.Warning;
        if (n.Contains("注意報", StringComparison.Ordinal)) return AlertLevel.Advisory;
        if (n.Contains("予報", StringComparison.Ordinal)) return AlertLevel.Forecast;
        return n.ToLowerInvariant().Replace("_", "").Replace("-", "").Replace(" ", "") switch
        {
            "majorwarning" or "emergency" => AlertLevel.MajorWarning,
            "warning" => AlertLevel.Warning,
            "advisory" => AlertLevel.Advisory,
            "forecast" or "information" => AlertLevel.Forecast,
            _ => null,
        };
    }
}

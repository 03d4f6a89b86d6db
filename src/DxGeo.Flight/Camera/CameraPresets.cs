using System.Text.Json;
using DxGeo.Core.Errors;

namespace DxGeo.Flight.Camera;

/// <summary>
/// Camera presets for common inspection drones, shipped as data (Camera/Data/cameras.json, embedded) where
/// every figure states its origin. Custom cameras load from a file of the same shape.
/// </summary>
public static class CameraPresets
{
    private static readonly Lazy<IReadOnlyList<CameraPreset>> Embedded = new(LoadEmbedded);

    /// <summary>The default camera for planning: DJI Mavic 3 Enterprise wide camera.</summary>
    public const string DefaultId = "dji-m3e-wide";

    public static IReadOnlyList<CameraPreset> All => Embedded.Value;

    public static CameraModel Get(string id) =>
        All.FirstOrDefault(p => string.Equals(p.Camera.Id, id, StringComparison.OrdinalIgnoreCase))?.Camera
        ?? throw new DxGeoException($"unknown camera '{id}' (known: {string.Join(", ", All.Select(p => p.Camera.Id))}; or pass a camera file)");

    /// <summary>Reads cameras from a JSON file shaped like the embedded one (a "cameras" array, or one camera object).</summary>
    public static IReadOnlyList<CameraPreset> LoadFile(string path)
    {
        if (!File.Exists(path)) throw new InputDataException("camera file not found", file: path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("cameras", out var arr))
                return arr.EnumerateArray().Select((e, i) => Parse(e, path, i)).ToArray();
            return [Parse(root, path, 0)];
        }
        catch (JsonException e)
        {
            throw new InputDataException($"not valid JSON: {e.Message}", file: path, inner: e);
        }
    }

    private static IReadOnlyList<CameraPreset> LoadEmbedded()
    {
        using var s = typeof(CameraPresets).Assembly.GetManifestResourceStream("DxGeo.Flight.cameras.json")
            ?? throw new InvalidOperationException("embedded cameras.json missing");
        using var doc = JsonDocument.Parse(s);
        return doc.RootElement.GetProperty("cameras").EnumerateArray().Select((e, i) => Parse(e, "cameras.json", i)).ToArray();
    }

    private static CameraPreset Parse(JsonElement e, string file, int index)
    {
        string Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()! : throw new InputDataException("missing text", file: file, featureIndex: index, field: name);
        var sources = new Dictionary<string, string>();
        var estimated = false;
        double? Figure(string name, bool required)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return required ? throw new InputDataException($"camera '{TryId()}' has no {name}", file: file, featureIndex: index, field: name) : null;
            if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
            if (v.ValueKind != JsonValueKind.Object || !v.TryGetProperty("value", out var val) || val.ValueKind != JsonValueKind.Number)
                throw new InputDataException("expected a number or {\"value\": number, \"source\": text}", file: file, featureIndex: index, field: name);
            if (v.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String) sources[name] = src.GetString()!;
            if (v.TryGetProperty("estimated", out var est) && est.ValueKind == JsonValueKind.True) estimated = true;
            return val.GetDouble();
        }
        string TryId() => e.TryGetProperty("id", out var v) ? v.ToString() : $"#{index}";

        var camera = new CameraModel
        {
            Id = Text("id"),
            Name = Text("name"),
            Drone = e.TryGetProperty("drone", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
            SensorWidthMm = Figure("sensorWidthMm", true)!.Value,
            SensorHeightMm = Figure("sensorHeightMm", true)!.Value,
            FocalLengthMm = Figure("focalLengthMm", true)!.Value,
            FocalLengthMaxMm = Figure("focalLengthMaxMm", false),
            ImageWidthPx = (int)Figure("imageWidthPx", true)!.Value,
            ImageHeightPx = (int)Figure("imageHeightPx", true)!.Value,
            MinTriggerIntervalS = Figure("minTriggerIntervalS", false),
            FlightTimeMin = Figure("flightTimeMin", false),
            Landscape = !e.TryGetProperty("landscape", out var l) || l.ValueKind != JsonValueKind.False,
        };
        camera = camera with { Estimated = estimated };
        camera.Validate(file);
        return new CameraPreset(camera, sources);
    }
}

/// <summary>A camera preset and the origin of each of its figures (field name → source text).</summary>
public sealed record CameraPreset(CameraModel Camera, IReadOnlyDictionary<string, string> Sources);

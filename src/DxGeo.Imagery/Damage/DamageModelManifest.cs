using System.Text.Json;
using System.Text.Json.Serialization;
using DxGeo.Core.Errors;
using DxGeo.Imagery.Damage.Head;
using DxGeo.Imagery.Damage.Tiling;

namespace DxGeo.Imagery.Damage;

/// <summary>
/// <c>model.json</c> in a model directory: which featurizer, the head file, the threshold and the tiling, so a
/// directory is a complete, self-describing model (the ResNet weights come from the NuGet package).
/// </summary>
public sealed record DamageModelManifest
{
    public const string FileName = "model.json";

    public required string ModelId { get; init; }
    public required string Featurizer { get; init; }
    public required HeadKind HeadKind { get; init; }
    public string HeadFile { get; init; } = "head.zip";
    public required int FeatureDim { get; init; }
    public required double Threshold { get; init; }
    public double TargetRecall { get; init; } = 0.95;
    public TilingOptions Tiling { get; init; } = new();
    /// <summary>Optional cheap first pass: tiles it scores below its threshold skip the main featurizer.</summary>
    public PrefilterManifest? Prefilter { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static DamageModelManifest Read(string modelDir)
    {
        var path = Path.Combine(modelDir, FileName);
        if (!File.Exists(path)) throw new InputDataException("no damage model here (model.json missing)", path);
        try
        {
            return JsonSerializer.Deserialize<DamageModelManifest>(File.ReadAllText(path), Json)
                ?? throw new InputDataException("empty model manifest", path);
        }
        catch (JsonException e)
        {
            throw new InputDataException($"invalid model manifest: {e.Message}", path, inner: e);
        }
    }

    public void Write(string modelDir) => File.WriteAllText(Path.Combine(modelDir, FileName), JsonSerializer.Serialize(this, Json));
}

/// <summary>The first pass of a cascade (see <see cref="DamageModelManifest.Prefilter"/>).</summary>
public sealed record PrefilterManifest
{
    public required string Featurizer { get; init; }
    public required HeadKind HeadKind { get; init; }
    public required string HeadFile { get; init; }
    public required int FeatureDim { get; init; }
    public required double Threshold { get; init; }
    /// <summary>Most tiles of one photo the network sees (the best-rated candidates); 0 = every candidate.</summary>
    public int MaxTilesPerPhoto { get; init; }
}

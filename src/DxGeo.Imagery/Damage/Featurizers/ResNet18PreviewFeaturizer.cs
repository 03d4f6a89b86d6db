using DxGeo.Core.Errors;
using Microsoft.ML.OnnxRuntime;

namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>
/// The cascade's first pass: the same pretrained ResNet18 as the main stage, cut after its third stage (stride 16,
/// 256 channels; <c>tools/damage/cut_resnet18_stem.py</c>, see <c>Models/README.md</c>) and run on a 64-px preview of
/// every tile (a 256-px tile is 64 px in a 1/4-scale DCT decode), with global average and max pooling → 512 features.
/// A preview costs about 1/16 of a full pass, and learned filters rank drone cracks against planking and joints far
/// better than texture statistics (held-out UAV75 AUC 0.65 → 0.89). The graph's batch is free:
/// <see cref="FeaturizeBatch"/> rates the previews of a photo in a few calls.
/// </summary>
public sealed class ResNet18PreviewFeaturizer : IBatchTileFeaturizer
{
    public const string FeaturizerName = "resnet18-layer3-preview";
    public const string ModelFile = "resnet18-layer3.onnx";
    public const int Side = 64;
    private const int Features = 512;
    private readonly InferenceSession _net;
    private readonly ThreadLocal<RunOptions> _run = new(() => new RunOptions(), trackAllValues: true);

    public string Name => FeaturizerName;
    public int Dimension => Features;
    public int InputPx => Side;

    public ResNet18PreviewFeaturizer(int intraOpThreads = 1)
    {
        var path = Path.Combine(ResNet18Featurizer.LocateModels(), "DxGeo", ModelFile);
        if (!File.Exists(path)) throw new DxGeoException($"first-pass network not found: {path} (copied beside the program from src/DxGeo.Imagery/Damage/Featurizers/Models)");
        var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _net = new InferenceSession(path, options);
    }

    /// <summary>One tile (training, evaluation); scoring goes through <see cref="FeaturizeBatch"/>.</summary>
    public void Featurize(ReadOnlySpan<float> planarRgb, Span<float> features)
    {
        var output = new float[Features];
        FeaturizeBatch(planarRgb[..(3 * Side * Side)].ToArray(), 1, output);
        output.AsSpan(0, Math.Min(features.Length, Features)).CopyTo(features);
    }

    /// <summary>
    /// <paramref name="planarRgb"/> holds <paramref name="count"/> tiles back to back (3×64×64 floats each, RGB 0–255);
    /// <paramref name="features"/> receives count × 512 values. Both arrays are handed to ONNX Runtime as they are.
    /// </summary>
    public void FeaturizeBatch(float[] planarRgb, int count, float[] features)
    {
        if (count == 0) return;
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, planarRgb.AsMemory(0, count * 3 * Side * Side), [count, 3, Side, Side]);
        using var result = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, features.AsMemory(0, count * Features), [count, Features]);
        _net.Run(_run.Value!, ["rgb"], [input], ["features"], [result]);
    }

    public void Dispose()
    {
        foreach (var r in _run.Values) r.Dispose();
        _run.Dispose();
        _net.Dispose();
    }
}

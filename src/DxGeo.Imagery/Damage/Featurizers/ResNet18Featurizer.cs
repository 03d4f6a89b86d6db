using DxGeo.Core.Errors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>
/// ImageNet-pretrained ResNet18 from ML.NET's <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> package, run with ONNX
/// Runtime: its preprocessing model (RGB 0–255 → normalised) then the network (→ 512 pooled features).
/// Both models have a batch dimension fixed at 1, so tiles go through one at a time.
/// </summary>
public sealed class ResNet18Featurizer : ITileFeaturizer
{
    public const string FeaturizerName = "resnet18";
    private const int Side = 224;
    private readonly InferenceSession _prep;
    private readonly InferenceSession _net;

    public string Name => FeaturizerName;
    public int Dimension => 512;

    public ResNet18Featurizer(string? modelsDir = null, int intraOpThreads = 2)
    {
        var dir = modelsDir ?? LocateModels();
        var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        _prep = new InferenceSession(Path.Combine(dir, "ResNetPrepOnnx", "ResNetPreprocess.onnx"), options);
        _net = new InferenceSession(Path.Combine(dir, "ResNet18Onnx", "ResNet18.onnx"), options);
    }

    /// <summary>The package copies the models to <c>DnnImageModels/</c> beside the assemblies; DXGEO_RESNET_DIR overrides.</summary>
    public static string LocateModels()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("DXGEO_RESNET_DIR"),
            Path.Combine(AppContext.BaseDirectory, "DnnImageModels"),
            Path.Combine(Path.GetDirectoryName(typeof(ResNet18Featurizer).Assembly.Location) ?? ".", "DnnImageModels"),
        };
        foreach (var c in candidates)
            if (!string.IsNullOrEmpty(c) && File.Exists(Path.Combine(c, "ResNet18Onnx", "ResNet18.onnx"))) return c;
        throw new DxGeoException("ResNet18 ONNX models not found (DnnImageModels/ResNet18Onnx/ResNet18.onnx beside the program, " +
            "from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package; or set DXGEO_RESNET_DIR)");
    }

    public void Featurize(ReadOnlySpan<float> planarRgb, Span<float> features)
    {
        var input = new DenseTensor<float>(planarRgb[..(3 * Side * Side)].ToArray(), [1, 3, Side, Side]);
        using var prepOut = _prep.Run([NamedOnnxValue.CreateFromTensor("OriginalInput", input)]);
        var pre = prepOut.First(v => v.Name == "PreprocessedInput").AsTensor<float>();
        using var netOut = _net.Run([NamedOnnxValue.CreateFromTensor("Input247", pre)]);
        var f = netOut.First().AsEnumerable<float>();
        var i = 0;
        foreach (var v in f)
        {
            if (i >= features.Length) break;
            features[i++] = v;
        }
    }

    public void Dispose()
    {
        _prep.Dispose();
        _net.Dispose();
    }
}

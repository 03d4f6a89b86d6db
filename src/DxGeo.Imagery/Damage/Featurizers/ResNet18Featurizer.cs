using DxGeo.Core.Errors;
using Microsoft.ML.OnnxRuntime;

namespace DxGeo.Imagery.Damage.Featurizers;

/// <summary>
/// ImageNet-pretrained ResNet18 from ML.NET's <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> package, run with ONNX
/// Runtime: its preprocessing model (RGB 0–255 → normalised) then the network (→ 512 pooled features).
/// Both models have a batch dimension fixed at 1, so tiles go through one at a time, through input/output tensors
/// allocated once per thread (no per-tile allocation). One intra-op thread by default: the scorer runs photos in
/// parallel, one per core, which beats two threads on one 224-px image.
/// </summary>
public sealed class ResNet18Featurizer : ITileFeaturizer
{
    public const string FeaturizerName = "resnet18";
    private const int Side = 224;
    private readonly InferenceSession _prep;
    private readonly InferenceSession _net;
    private readonly string _netOutput;
    private readonly ThreadLocal<IoBuffers> _io = new(() => new IoBuffers(), trackAllValues: true);

    public string Name => FeaturizerName;
    public int Dimension => 512;

    public ResNet18Featurizer(string? modelsDir = null, int intraOpThreads = 1)
    {
        var dir = modelsDir ?? LocateModels();
        var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        _prep = new InferenceSession(Path.Combine(dir, "ResNetPrepOnnx", "ResNetPreprocess.onnx"), options);
        _net = new InferenceSession(Path.Combine(dir, "ResNet18Onnx", "ResNet18.onnx"), options);
        _netOutput = _net.OutputMetadata.Keys.First();
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
        var io = _io.Value!;
        planarRgb[..(3 * Side * Side)].CopyTo(io.Input);
        _prep.Run(io.Options, ["OriginalInput"], [io.InputValue], ["PreprocessedInput"], [io.PreparedValue]);
        _net.Run(io.Options, ["Input247"], [io.PreparedValue], [_netOutput], [io.OutputValue]);
        io.Output.AsSpan(0, Math.Min(features.Length, io.Output.Length)).CopyTo(features);
    }

    /// <summary>Pinned tensors of one thread, reused for every tile.</summary>
    private sealed class IoBuffers : IDisposable
    {
        public float[] Input { get; } = new float[3 * Side * Side];
        public float[] Prepared { get; } = new float[3 * Side * Side];
        public float[] Output { get; } = new float[512];
        public OrtValue InputValue { get; }
        public OrtValue PreparedValue { get; }
        public OrtValue OutputValue { get; }
        public RunOptions Options { get; } = new();

        public IoBuffers()
        {
            InputValue = OrtValue.CreateTensorValueFromMemory(Input, [1, 3, Side, Side]);
            PreparedValue = OrtValue.CreateTensorValueFromMemory(Prepared, [1, 3, Side, Side]);
            OutputValue = OrtValue.CreateTensorValueFromMemory(Output, [1, 512, 1, 1]);
        }

        public void Dispose()
        {
            InputValue.Dispose();
            PreparedValue.Dispose();
            OutputValue.Dispose();
            Options.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var io in _io.Values) io.Dispose();
        _io.Dispose();
        _prep.Dispose();
        _net.Dispose();
    }
}

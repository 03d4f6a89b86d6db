#!/usr/bin/env python3
"""Builds the cascade's first-pass network from ML.NET's pretrained ResNet18 (MIT, package
Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1): its own preprocessing (RGB -> BGR, minus the channel means),
then the network up to the end of stage CUT (layer3, the default: stride 16, 256 channels; layer2: stride 8, 128), then global average and global max
pooling -> N x 2C features. Batch, height and width are free, so one call rates every preview tile of a photo.

Python (Debian python3-onnx) is needed only to rebuild this file, never to run DxGeo:
    /usr/bin/python3 tools/damage/cut_resnet18_stem.py [--cut layer3|layer2] OUT.onnx
"""
import argparse, glob, os
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

CUTS = {"layer2": "ReLU315_Output_0", "layer3": "ReLU347_Output_0"}

def package_dir():
    hits = glob.glob(os.path.expanduser("~/.nuget/packages/microsoft.ml.dnnimagefeaturizer.resnet18/0.23.1/tools/DnnImageModels"))
    if not hits: raise SystemExit("ResNet18 package not restored: run `dotnet restore` first")
    return hits[0]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--cut", choices=CUTS, default="layer3")
    a = ap.parse_args()
    d = package_dir()
    prep = onnx.load(os.path.join(d, "ResNetPrepOnnx", "ResNetPreprocess.onnx"))
    net = onnx.load(os.path.join(d, "ResNet18Onnx", "ResNet18.onnx"))
    mean_image = numpy_helper.to_array(next(t for t in prep.graph.initializer if t.name == "MeanImage"))
    # The mean image is constant per channel up to rounding; its channel means let any input size through.
    mean_bgr = mean_image.reshape(3, -1).mean(axis=1).astype(np.float32)
    spread = float(np.abs(mean_image.reshape(3, -1) - mean_bgr[:, None]).max())

    cut = CUTS[a.cut]
    # Nodes needed for the cut output, walking back from it.
    produced = {o: n for n in net.graph.node for o in n.output}
    need, stack = set(), [cut]
    while stack:
        t = stack.pop()
        n = produced.get(t)
        if n is None or id(n) in need: continue
        need.add(id(n))
        stack.extend(n.input)
    body = [n for n in net.graph.node if id(n) in need]
    used = {i for n in body for i in n.input}
    inits = [t for t in net.graph.initializer if t.name in used]

    first = net.graph.input[0].name  # Input247
    nodes = [
        helper.make_node("Split", ["rgb"], ["r", "g", "b"], axis=1, split=[1, 1, 1]),
        helper.make_node("Concat", ["b", "g", "r"], ["bgr"], axis=1),
        helper.make_node("Sub", ["bgr", "mean_bgr"], [first]),
        *body,
        helper.make_node("GlobalAveragePool", [cut], ["avg4"]),
        helper.make_node("GlobalMaxPool", [cut], ["max4"]),
        helper.make_node("Concat", ["avg4", "max4"], ["pooled4"], axis=1),
        helper.make_node("Flatten", ["pooled4"], ["features"], axis=1),
    ]
    inits.append(numpy_helper.from_array(mean_bgr.reshape(1, 3, 1, 1), "mean_bgr"))
    x = helper.make_tensor_value_info("rgb", TensorProto.FLOAT, ["N", 3, "H", "W"])
    y = helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", None])
    g = helper.make_graph(nodes, f"resnet18_{a.cut}_pooled", [x], [y], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 8)], producer_name="dxgeo cut_resnet18_stem.py")
    m.ir_version = 4  # initializers need not be graph inputs
    m.doc_string = (f"ResNet18 (ML.NET DnnImageFeaturizer.ResNet18 0.23.1, MIT) up to {a.cut}, input RGB 0-255 NCHW, "
                    f"output [avg, max] pooled features; mean image spread {spread:.3f}")
    onnx.checker.check_model(m)
    onnx.save(m, a.out)
    print(f"{a.out}: {a.cut}, {len(body)} nodes, {sum(np.prod(t.dims) for t in inits):,} weights, mean BGR {mean_bgr}, spread {spread:.3f}")

if __name__ == "__main__":
    main()

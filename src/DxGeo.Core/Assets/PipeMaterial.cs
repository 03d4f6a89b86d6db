namespace DxGeo.Core.Assets;

/// <summary>Water-main material. Stored as the code in brackets (Japanese ledger abbreviations).</summary>
public enum PipeMaterial
{
    /// <summary>[DCIP] ダクタイル鋳鉄管 ductile cast iron.</summary>
    DuctileIron,
    /// <summary>[CIP] 鋳鉄管 grey cast iron.</summary>
    CastIron,
    /// <summary>[SP] 鋼管 steel.</summary>
    Steel,
    /// <summary>[VP] 硬質塩化ビニル管 PVC.</summary>
    Pvc,
    /// <summary>[PE] 配水用ポリエチレン管 polyethylene.</summary>
    Polyethylene,
    /// <summary>[ACP] 石綿セメント管 asbestos cement.</summary>
    AsbestosCement,
    /// <summary>[UNK] not recorded.</summary>
    Unknown,
}

namespace DxGeo.Core.Assets;

/// <summary>Operational status of a pipe: [in_service], [abandoned] (left in the ground), [planned].</summary>
public enum PipeStatus { InService, Abandoned, Planned }

/// <summary>MLIT periodic bridge inspection judgement (道路橋定期点検 判定区分).
/// I 健全 sound; II 予防保全段階 preventive action advised; III 早期措置段階 early action; IV 緊急措置段階 urgent action.</summary>
public enum MlitGrade { I = 1, II = 2, III = 3, IV = 4 }

/// <summary>River bank as seen looking downstream: [left] 左岸, [right] 右岸.</summary>
public enum Bank { Left, Right }

/// <summary>Soil corrosivity towards metal pipes: [low], [medium], [high].</summary>
public enum Corrosivity { Low, Medium, High }

/// <summary>Kind of pipe break: [leak] 漏水, [burst] 破裂, [joint] 継手離脱, [crack] 亀裂, [other].</summary>
public enum BreakType { Leak, Burst, Joint, Crack, Other }

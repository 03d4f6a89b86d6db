using DxGeo.Core.Assets;
using DxGeo.SampleTown.Internal.Layout;
using NetTopologySuite.Geometries;

namespace DxGeo.SampleTown.Internal.Structures;

/// <summary>A bridge deck in local metres with its attributes.</summary>
internal sealed record BridgeDraft(
    string Id, LineString Deck, Waterway Over, StreetLine Street, string Name, double WidthM, int SpanCount,
    string StructureType, int YearBuilt, DateOnly LastInspection, MlitGrade Grade, double DeckHeightM);

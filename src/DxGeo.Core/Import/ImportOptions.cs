using System.Text;
using DxGeo.Core.Formats.Csv;

namespace DxGeo.Core.Import;

/// <summary>How to import one file into one workspace layer.</summary>
public sealed record ImportOptions
{
    /// <summary>Target layer: one of the platform's (water_pipes, pipe_breaks, bridges…) or a new/existing user layer.</summary>
    public required string Layer { get; init; }
    public FieldMapping Fields { get; init; } = FieldMapping.Empty;
    public ValueMapping Values { get; init; } = ValueMapping.Empty;
    /// <summary>Text encoding of .dbf/CSV attributes, overriding .cpg and detection.</summary>
    public Encoding? Encoding { get; init; }
    /// <summary>EPSG code of the file's coordinates, overriding (or supplying) what the file declares.</summary>
    public int? Srid { get; init; }
    /// <summary>Add to the layer's features; by default the layer is replaced.</summary>
    public bool Append { get; init; }
    /// <summary>CSV geometry columns and delimiter.</summary>
    public CsvOptions? Csv { get; init; }
    /// <summary>Layer to read from a GeoPackage holding several.</summary>
    public string? SourceLayer { get; init; }
    /// <summary>Store null (and report) for values that cannot be converted in nullable fields, instead of failing.</summary>
    public bool InvalidValuesAsNull { get; init; }
    public IReadOnlyList<IImportEnricher> Enrichers { get; init; } = [];
    /// <summary>How many problem examples the error message and report list.</summary>
    public int MaxExamples { get; init; } = 5;
    public IProgress<(long Done, long? Total, string What)>? Progress { get; init; }
}

using DxGeo.Core.Errors;

namespace DxGeo.Imagery.Metadata;

/// <summary>A photo that cannot be ingested, with the reason (the batch reports it and carries on).</summary>
public static class PhotoRejection
{
    public static InputDataException For(string path, string reason, string? field = null) =>
        new(reason, file: path, field: field);
}

using DxGeo.Core.Errors;

namespace DxGeo.Core.Crs;

/// <summary>
/// A coordinate system DxGeo has no definition for: an EPSG code outside the shipped set, or a .prj/WKT that
/// matches none of them. The message names the code (or the text) and lists what is supported.
/// </summary>
public sealed class UnknownCrsException : DxGeoException
{
    /// <summary>The EPSG code asked for, or null when the CRS came as unrecognised WKT.</summary>
    public int? Epsg { get; }

    public UnknownCrsException(int epsg, string supported)
        : base($"EPSG:{epsg} is not a supported coordinate system; supported EPSG codes: {supported}")
    {
        Epsg = epsg;
    }

    /// <summary>For CRS definitions that could not be identified (message says which file or text).</summary>
    public UnknownCrsException(string message) : base(message) { }
}

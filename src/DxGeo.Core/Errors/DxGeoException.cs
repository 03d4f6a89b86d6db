namespace DxGeo.Core.Errors;

/// <summary>
/// Base of every error a user can cause (bad file, bad option, unknown layer).
/// The CLI turns it into one line on stderr and a non-zero exit; the web server into RFC 9457 problem details.
/// </summary>
public class DxGeoException : Exception
{
    public DxGeoException(string message) : base(message) { }
    public DxGeoException(string message, Exception inner) : base(message, inner) { }
}

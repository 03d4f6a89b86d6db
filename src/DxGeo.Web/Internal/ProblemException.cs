namespace DxGeo.Web.Internal;

/// <summary>A request the client got wrong; rendered as RFC 9457 problem details by <see cref="ProblemMiddleware"/>.</summary>
internal sealed class ProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static ProblemException BadRequest(string detail) => new(400, "Bad request", detail);

    public static ProblemException NotFound(string detail) => new(404, "Not found", detail);
}

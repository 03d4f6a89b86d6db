namespace DxGeo.Review.Accounts;

/// <summary>Who is acting: an authenticated account (web) or the local administrator running the CLI.</summary>
public sealed record Actor(string UserName, Role Role)
{
    /// <summary>Whoever runs <c>dxgeo</c> on the machine holding the workspace file already controls it; audited as such.</summary>
    public static Actor LocalAdmin { get; } = new($"cli:{Environment.UserName}", Role.Admin);
}

namespace DxGeo.Web.Auth;

/// <summary>Security settings of the accounts and review endpoints.</summary>
public sealed class ReviewWebOptions
{
    /// <summary>Mark the session cookie Secure even on plain HTTP requests (set when served behind a TLS proxy).</summary>
    public bool RequireHttpsCookies { get; set; }
    /// <summary>Login attempts per client address per minute before 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
    /// <summary>Largest request body a review endpoint accepts (JSON decisions); larger is refused with 413.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}

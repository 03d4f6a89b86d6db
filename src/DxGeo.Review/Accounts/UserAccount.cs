namespace DxGeo.Review.Accounts;

/// <summary>An account as listed (never with its hash).</summary>
public sealed record UserAccount(string UserName, Role Role, DateTimeOffset CreatedAt, int FailedLogins, DateTimeOffset? LockedUntil);

/// <summary>What a session needs to stay valid: the role and the stamp that changes when the password or role does.</summary>
public sealed record SessionCheck(string UserName, Role Role, string SecurityStamp);

/// <summary>Outcome of a login attempt. <see cref="LockedUntil"/> is set when the account is (now) locked.</summary>
public sealed record LoginResult(bool Succeeded, SessionCheck? Session, DateTimeOffset? LockedUntil)
{
    public static LoginResult Failed(DateTimeOffset? lockedUntil = null) => new(false, null, lockedUntil);
}

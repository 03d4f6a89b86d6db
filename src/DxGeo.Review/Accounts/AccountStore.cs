using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DxGeo.Core.Errors;
using DxGeo.Core.Features;
using DxGeo.Core.Workspace;
using DxGeo.Review.Audit;
using DxGeo.Review.Internal;
using DxGeo.Review.Reviews;
using Microsoft.AspNetCore.Identity;

namespace DxGeo.Review.Accounts;

/// <summary>
/// Accounts kept in the workspace's <c>users</c> table, passwords hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/>. Repeated failed logins lock the account for a while. Every change is audited.
/// </summary>
public sealed partial class AccountStore(ReviewStore store)
{
    /// <summary>Failed logins in a row that lock an account.</summary>
    public int MaxFailedLogins { get; init; } = 5;
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly LayerSchema S = ReviewTables.UsersSchema;
    // Hashed when a login names no account, so the answer takes as long as for a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword("", "dxgeo-no-such-user");

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex NamePattern();

    public void Add(Actor actor, string userName, Role role, string password)
    {
        RequireAdmin(actor, "add accounts");
        var name = CheckName(userName);
        CheckPassword(name, password);
        store.Write(w =>
        {
            if (FindRecord(name) is not null) throw new ReviewRuleException($"account '{name}' already exists");
            var now = store.Now();
            var rec = FeatureRecord.Create(S, null, ("user_name", name), ("role", role.ToCode()), ("password_hash", Hasher.HashPassword(name, password)),
                ("security_stamp", NewStamp()), ("failed_logins", 0L), ("locked_until", null), ("created_at", now));
            w.Insert(S.Name, rec);
            AuditTrail.Append(w, now, actor, "user.add", S.Name, name, null, Public(rec));
            return 0;
        });
    }

    public IReadOnlyList<UserAccount> List() => !store.Has(S.Name) ? [] :
        store.Workspace.Read(S.Name).Select(ToAccount).OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();

    public UserAccount? Find(string userName) => FindRecord(userName) is { } r ? ToAccount(r) : null;

    public void Remove(Actor actor, string userName)
    {
        RequireAdmin(actor, "remove accounts");
        store.Write(w =>
        {
            var rec = FindRecord(userName) ?? throw new ReviewNotFoundException($"no account '{userName}'");
            if (rec.Text(S, "role") == Role.Admin.ToCode() && List().Count(a => a.Role == Role.Admin) == 1)
                throw new ReviewRuleException($"'{userName}' is the last admin account; add another admin first");
            w.Delete(S.Name, rec.Fid!.Value);
            AuditTrail.Append(w, store.Now(), actor, "user.remove", S.Name, userName, Public(rec), null);
            return 0;
        });
    }

    /// <summary>Sets a new password, clears any lockout and ends the account's open sessions (new security stamp).</summary>
    public void SetPassword(Actor actor, string userName, string password)
    {
        RequireAdmin(actor, "change passwords");
        CheckPassword(userName, password);
        store.Write(w =>
        {
            var rec = FindRecord(userName) ?? throw new ReviewNotFoundException($"no account '{userName}'");
            var before = Public(rec);
            rec.Set(S, "password_hash", Hasher.HashPassword(userName, password));
            rec.Set(S, "security_stamp", NewStamp());
            rec.Set(S, "failed_logins", 0L);
            rec.Set(S, "locked_until", null);
            w.Update(S.Name, rec);
            AuditTrail.Append(w, store.Now(), actor, "user.passwd", S.Name, userName, before, Public(rec));
            return 0;
        });
    }

    /// <summary>Checks a password. A locked account fails even with the right password until the lockout ends;
    /// <see cref="MaxFailedLogins"/> failures in a row lock it.</summary>
    public LoginResult VerifyLogin(string userName, string password)
    {
        var rec = FindRecord(userName ?? "");
        if (rec is null)
        {
            Hasher.VerifyHashedPassword("", DummyHash, password ?? "");
            return LoginResult.Failed();
        }
        var now = store.Now();
        if (rec.Time(S, "locked_until") is { } until && until > now) return LoginResult.Failed(until);
        var ok = Hasher.VerifyHashedPassword(userName!, rec.Text(S, "password_hash")!, password ?? "") != PasswordVerificationResult.Failed;
        var failed = (rec.Integer(S, "failed_logins") ?? 0);
        if (ok && failed == 0 && rec.Get(S, "locked_until") is null) return new LoginResult(true, ToSession(rec), null);
        return store.Write(w =>
        {
            // Re-read inside the write: another request may have counted a failure meanwhile.
            var cur = FindRecord(userName!) ?? throw new ReviewNotFoundException($"no account '{userName}'");
            if (ok)
            {
                cur.Set(S, "failed_logins", 0L);
                cur.Set(S, "locked_until", null);
                w.Update(S.Name, cur);
                return new LoginResult(true, ToSession(cur), null);
            }
            var n = (cur.Integer(S, "failed_logins") ?? 0) + 1;
            DateTimeOffset? lockEnd = null;
            if (n >= MaxFailedLogins)
            {
                lockEnd = now + LockoutDuration;
                n = 0;
                AuditTrail.Append(w, now, new Actor(userName!, Roles.Parse(cur.Text(S, "role")!)), "user.locked", S.Name, userName!,
                    null, new { locked_until = lockEnd });
            }
            cur.Set(S, "failed_logins", n);
            cur.Set(S, "locked_until", lockEnd);
            w.Update(S.Name, cur);
            return LoginResult.Failed(lockEnd);
        });
    }

    /// <summary>The account's current role and stamp, or null when it no longer exists (the session must end).</summary>
    public SessionCheck? Session(string userName) => FindRecord(userName) is { } r ? ToSession(r) : null;

    private FeatureRecord? FindRecord(string userName)
    {
        if (!store.Has(S.Name)) return null;
        return store.Workspace.Read(S.Name, new FeatureQuery { AttributeEquals = new Dictionary<string, object?> { ["user_name"] = userName } })
            .FirstOrDefault();
    }

    private static UserAccount ToAccount(FeatureRecord r) => new(r.Text(S, "user_name")!, Roles.Parse(r.Text(S, "role")!),
        r.Time(S, "created_at") ?? default, (int)(r.Integer(S, "failed_logins") ?? 0), r.Time(S, "locked_until"));

    private static SessionCheck ToSession(FeatureRecord r) =>
        new(r.Text(S, "user_name")!, Roles.Parse(r.Text(S, "role")!), r.Text(S, "security_stamp")!);

    // The audit trail records what changed, never a hash or a stamp.
    private static SortedDictionary<string, object?> Public(FeatureRecord r) => r.Snapshot(S, "password_hash", "security_stamp");

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static void RequireAdmin(Actor actor, string what)
    {
        if (!actor.Role.CanAdminister()) throw new ReviewForbiddenException($"{actor.UserName} ({actor.Role.ToCode()}) may not {what}: admin only");
    }

    private static string CheckName(string userName)
    {
        var name = (userName ?? "").Trim();
        if (!NamePattern().IsMatch(name))
            throw new InputDataException($"account name '{userName}' must be 2–64 characters: lower-case letters, digits, '.', '_' or '-'", field: "user_name");
        return name;
    }

    private static void CheckPassword(string userName, string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            throw new InputDataException($"password for '{userName}' must have at least {MinPasswordLength} characters", field: "password");
        if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
            throw new InputDataException($"password for '{userName}' must not be the account name", field: "password");
    }
}

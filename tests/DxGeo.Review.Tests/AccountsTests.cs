using DxGeo.Core.Errors;
using DxGeo.Review.Accounts;
using DxGeo.Review.Audit;
using DxGeo.Review.Reviews;

namespace DxGeo.Review.Tests;

public sealed class AccountsTests : IDisposable
{
    private readonly ReviewTown _town = new(findings: 0);
    private readonly AccountStore _accounts;

    public AccountsTests() => _accounts = new AccountStore(_town.Store);

    [Fact]
    public void Password_is_stored_as_an_identity_hash_and_verifies()
    {
        _accounts.Add(Actor.LocalAdmin, "tanaka", Role.Inspector, "correct horse 1");
        var row = _town.Workspace.Read("users").Single();
        Assert.DoesNotContain(row.Values, v => v is string s && s.Contains("correct horse"));
        // ASP.NET Core Identity v3 format: base64 of a blob starting with 0x01.
        var hash = Convert.FromBase64String((string)row.Values[ReviewTownSchema.UsersIndex("password_hash")]!);
        Assert.Equal(0x01, hash[0]);
        Assert.True(_accounts.VerifyLogin("tanaka", "correct horse 1").Succeeded);
        Assert.False(_accounts.VerifyLogin("tanaka", "correct horse 2").Succeeded);
        Assert.False(_accounts.VerifyLogin("nobody", "correct horse 1").Succeeded);
        Assert.Equal(Role.Inspector, _accounts.List().Single().Role);
    }

    [Fact]
    public void Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var accounts = new AccountStore(_town.Store) { MaxFailedLogins = 3 };
        accounts.Add(Actor.LocalAdmin, "sato", Role.Inspector, "a long password");
        Assert.Null(accounts.VerifyLogin("sato", "wrong one 1").LockedUntil);
        Assert.Null(accounts.VerifyLogin("sato", "wrong one 2").LockedUntil);
        Assert.NotNull(accounts.VerifyLogin("sato", "wrong one 3").LockedUntil);
        var locked = accounts.VerifyLogin("sato", "a long password");
        Assert.False(locked.Succeeded);
        Assert.NotNull(locked.LockedUntil);
        // An admin resetting the password lifts the lockout.
        accounts.SetPassword(Actor.LocalAdmin, "sato", "another long one");
        Assert.True(accounts.VerifyLogin("sato", "another long one").Succeeded);
        Assert.Contains(AuditTrail.Read(_town.Store), e => e.Action == "user.locked" && e.EntityId == "sato");
    }

    [Fact]
    public void Only_admins_manage_accounts_and_the_last_admin_stays()
    {
        _accounts.Add(Actor.LocalAdmin, "boss", Role.Admin, "admin password");
        Assert.Throws<ReviewForbiddenException>(() => _accounts.Add(new Actor("lead1", Role.Lead), "x1", Role.Viewer, "some password"));
        Assert.Throws<ReviewRuleException>(() => _accounts.Remove(Actor.LocalAdmin, "boss"));
        Assert.Throws<ReviewRuleException>(() => _accounts.Add(Actor.LocalAdmin, "boss", Role.Viewer, "some password"));
        Assert.Throws<InputDataException>(() => _accounts.Add(Actor.LocalAdmin, "Bad Name!", Role.Viewer, "some password"));
        Assert.Throws<InputDataException>(() => _accounts.Add(Actor.LocalAdmin, "shorty", Role.Viewer, "short"));
        _accounts.Add(Actor.LocalAdmin, "viewer1", Role.Viewer, "viewer password");
        _accounts.Remove(Actor.LocalAdmin, "viewer1");
        Assert.Null(_accounts.Find("viewer1"));
    }

    [Fact]
    public void New_password_changes_the_session_stamp()
    {
        _accounts.Add(Actor.LocalAdmin, "ito", Role.Lead, "first password");
        var before = _accounts.Session("ito")!.SecurityStamp;
        _accounts.SetPassword(Actor.LocalAdmin, "ito", "second password");
        Assert.NotEqual(before, _accounts.Session("ito")!.SecurityStamp);
        var audit = AuditTrail.Read(_town.Store).Where(e => e.EntityId == "ito").Select(e => e.Action).ToList();
        Assert.Equal(["user.add", "user.passwd"], audit);
        Assert.DoesNotContain(AuditTrail.Read(_town.Store), e => (e.AfterJson ?? "").Contains("password_hash"));
    }

    public void Dispose() => _town.Dispose();
}

internal static class ReviewTownSchema
{
    public static int UsersIndex(string field) => DxGeo.Review.Internal.ReviewTables.UsersSchema.IndexOf(field);
}

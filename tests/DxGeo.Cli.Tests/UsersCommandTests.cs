using System.Diagnostics;
using DxGeo.Core.Workspace.GeoPackage;
using DxGeo.Review;
using DxGeo.Review.Accounts;

namespace DxGeo.Cli.Tests;

/// <summary>
/// <c>dxgeo users</c> run as a real child process (<c>dotnet dxgeo.dll</c>), since the password comes from piped
/// standard input and never from an argument.
/// </summary>
public sealed class UsersCommandTests() : CliTest("users")
{
    private string Ws => Path.Combine(Dir, "city.gpkg");

    private static (int Code, string Out, string Err) Dxgeo(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dxgeo.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(); throw new TimeoutException("dxgeo did not finish in 60 s"); }
        return (p.ExitCode, o.Result, e.Result);
    }

    [Fact]
    public void Users_are_added_listed_given_new_passwords_and_removed_with_passwords_from_stdin()
    {
        Assert.Equal(0, Run("init", "-w", Ws).Code);
        var add = Dxgeo("s3cret-password-1\n", "users", "add", "tanaka", "--role", "inspector", "-w", Ws);
        Assert.True(add.Code == 0, add.Err);
        Assert.Contains("added tanaka (inspector)", add.Out);
        
        var list = Run("users", "list", "-w", Ws);
        Assert.Contains("tanaka", list.Out);
        Assert.Contains("inspector", list.Out);
        Assert.DoesNotContain("s3cret", list.Out);
        using (var ws = GeoPackageWorkspace.Open(Ws))
            Assert.True(new AccountStore(new ReviewStore(ws)).VerifyLogin("tanaka", "s3cret-password-1").Succeeded);

        Assert.Equal(0, Dxgeo("new-password-22\n", "users", "passwd", "tanaka", "-w", Ws).Code);
        using (var ws = GeoPackageWorkspace.Open(Ws))
        {
            var accounts = new AccountStore(new ReviewStore(ws));
            Assert.False(accounts.VerifyLogin("tanaka", "s3cret-password-1").Succeeded);
            Assert.True(accounts.VerifyLogin("tanaka", "new-password-22").Succeeded);
        }
        Assert.Equal(0, Run("users", "remove", "tanaka", "-w", Ws).Code);
        Assert.DoesNotContain("tanaka", Run("users", "list", "-w", Ws).Out);
    }

    [Fact]
    public void Bad_input_is_one_line_and_changes_nothing()
    {
        Assert.Equal(0, Run("init", "-w", Ws).Code);
        var empty = Dxgeo("", "users", "add", "sato", "--role", "viewer", "-w", Ws);
        Assert.Equal(1, empty.Code);
        Assert.Contains("standard input", empty.Err);
        var role = Run("users", "add", "sato", "--role", "chief", "-w", Ws);
        Assert.Equal(1, role.Code);
        Assert.Contains("unknown role 'chief'", role.Err);
        Assert.Single(role.Err.Trim().Split('\n'));
        var shortPw = Dxgeo("short\n", "users", "add", "sato", "--role", "viewer", "-w", Ws);
        Assert.Equal(1, shortPw.Code);
        Assert.Contains("at least", shortPw.Err);
        Assert.Equal(1, Run("users", "remove", "nobody", "-w", Ws).Code);
        Assert.Contains("no accounts", Run("users", "list", "-w", Ws).Out);
    }

    [Fact]
    public void Users_help_has_no_password_option()
    {
        var help = Run("users", "add", "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("--role", help.Out);
        Assert.DoesNotContain("--password", help.Out);
    }
}

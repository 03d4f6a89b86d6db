using System.CommandLine;
using System.Globalization;
using System.Text;
using DxGeo.Core.Errors;
using DxGeo.Review.Accounts;

namespace DxGeo.Cli.Commands;

/// <summary>
/// <c>dxgeo users add|list|remove|passwd</c>: accounts of the web review, kept in the workspace. Passwords are never
/// command-line arguments (they would show in <c>ps</c> and shell history): they are read from standard input when
/// it is piped (first line), else prompted for twice without echo. Changes are audited as the local user.
/// </summary>
internal static class UsersCommand
{
    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("users", "Manage web accounts (roles: viewer, inspector, lead, planner, admin)");

        var addName = new Argument<string>("name") { Description = "Account name (lower-case letters, digits, . _ -)" };
        var role = new Option<string>("--role") { Description = "viewer, inspector, lead, planner or admin", Required = true };
        var add = new Command("add", "Add an account; the password is read from stdin (piped) or prompted for") { addName, role };
        add.SetAction(parse => WithAccounts(ctx, parse, a =>
        {
            var name = parse.GetValue(addName)!;
            var r = Roles.Parse(parse.GetValue(role)!);
            a.Add(Actor.LocalAdmin, name, r, ReadPassword(ctx, $"password for {name}"));
            ctx.Out.WriteLine($"added {name} ({r.ToCode()})");
        }));

        var list = new Command("list", "List accounts with role, creation time and lockout");
        list.SetAction(parse => WithAccounts(ctx, parse, a =>
        {
            var users = a.List();
            if (users.Count == 0) { ctx.Out.WriteLine("no accounts"); return; }
            ctx.Out.WriteLine($"{"name",-24} {"role",-10} {"created (UTC)",-17} locked until");
            foreach (var u in users)
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{u.UserName,-24} {u.Role.ToCode(),-10} {u.CreatedAt:yyyy-MM-dd HH:mm} {(u.LockedUntil is { } l && l > DateTimeOffset.UtcNow ? l.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "")}").TrimEnd());
        }));

        var rmName = new Argument<string>("name") { Description = "Account to remove" };
        var remove = new Command("remove", "Remove an account (its open sessions end; its past decisions stay in the audit trail)") { rmName };
        remove.SetAction(parse => WithAccounts(ctx, parse, a =>
        {
            a.Remove(Actor.LocalAdmin, parse.GetValue(rmName)!);
            ctx.Out.WriteLine($"removed {parse.GetValue(rmName)}");
        }));

        var pwName = new Argument<string>("name") { Description = "Account whose password to set" };
        var passwd = new Command("passwd", "Set a new password (read from stdin or prompted); clears a lockout and ends open sessions") { pwName };
        passwd.SetAction(parse => WithAccounts(ctx, parse, a =>
        {
            var name = parse.GetValue(pwName)!;
            if (a.Find(name) is null) throw new DxGeoException($"no account '{name}'");
            a.SetPassword(Actor.LocalAdmin, name, ReadPassword(ctx, $"new password for {name}"));
            ctx.Out.WriteLine($"password changed for {name}");
        }));

        cmd.Subcommands.Add(add);
        cmd.Subcommands.Add(list);
        cmd.Subcommands.Add(remove);
        cmd.Subcommands.Add(passwd);
        return cmd;
    }

    private static int WithAccounts(CliContext ctx, ParseResult parse, Action<AccountStore> body) =>
        ReviewCommands.With(ctx, parse, review => body(new AccountStore(review)));

    /// <summary>First line of piped stdin, or a hidden prompt (asked twice) on a terminal.</summary>
    private static string ReadPassword(CliContext ctx, string what)
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            if (string.IsNullOrEmpty(line)) throw new DxGeoException($"{what}: nothing on standard input (pipe the password as the first line)");
            return line;
        }
        var first = Prompt(ctx, $"{what}: ");
        var second = Prompt(ctx, "again: ");
        if (first != second) throw new DxGeoException($"{what}: the two entries differ; nothing changed");
        return first;
    }

    private static string Prompt(CliContext ctx, string label)
    {
        ctx.Err.Write(label);
        ctx.Err.Flush();
        var sb = new StringBuilder();
        while (true)
        {
            var k = Console.ReadKey(intercept: true);
            if (k.Key == ConsoleKey.Enter) break;
            if (k.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; continue; }
            if (!char.IsControl(k.KeyChar)) sb.Append(k.KeyChar);
        }
        ctx.Err.WriteLine();
        return sb.ToString();
    }
}

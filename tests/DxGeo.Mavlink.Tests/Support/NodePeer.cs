using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DxGeo.Mavlink.Tests.Support;

/// <summary>
/// Runs tests/interop/mavlink/peer.js (node-mavlink + mavlink-mappings), the independent MAVLink implementation
/// DxGeo is checked against. Installs the pinned npm packages on first use when they are missing.
/// </summary>
public static class NodePeer
{
    private static readonly Lazy<string> Folder = new(Prepare);

    public static string Dir => Folder.Value;

    /// <summary>Runs peer.js with the given arguments and stdin lines; returns stdout lines (fails on non-zero exit).</summary>
    public static IReadOnlyList<string> Run(IEnumerable<string> stdinLines, params string[] args)
    {
        var (code, stdout, stderr) = Exec("node", Dir, stdinLines, ["peer.js", .. args]);
        if (code != 0) throw new InvalidOperationException($"node peer.js {string.Join(' ', args)} failed ({code}): {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static List<JsonObject> Decode(IEnumerable<byte[]> chunks, string? keyHex = null) =>
        [.. Run(chunks.Select(Convert.ToHexStringLower), keyHex is null ? ["decode"] : ["decode", "--key", keyHex])
            .Select(l => JsonNode.Parse(l)!.AsObject())];

    public static List<byte[]> Encode(IEnumerable<JsonObject> messages) =>
        [.. Run(messages.Select(m => m.ToJsonString()), "encode").Select(Convert.FromHexString)];

    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "tests", "interop", "mavlink", "package.json"))) return d.FullName;
        throw new InvalidOperationException("tests/interop/mavlink/package.json not found above " + AppContext.BaseDirectory);
    }

    private static string Prepare()
    {
        var dir = Path.Combine(RepoRoot(), "tests", "interop", "mavlink");
        if (Exec("node", dir, [], ["--version"]).Code != 0)
            throw new InvalidOperationException("node is not installed: the MAVLink conformance tests need Node.js (scripts/test.sh installs it)");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "node-mavlink")))
        {
            var (code, _, err) = Exec("npm", dir, [], ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
            if (code != 0) throw new InvalidOperationException($"npm ci in {dir} failed: {err}");
        }
        return dir;
    }

    private static (int Code, string Stdout, string Stderr) Exec(string file, string dir, IEnumerable<string> stdin, string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = dir, RedirectStandardInput = true, RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        foreach (var line in stdin) p.StandardInput.WriteLine(line);
        p.StandardInput.Close();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish"); }
        return (p.ExitCode, outTask.Result, errTask.Result);
    }
}

using DxGeo.Core.Errors;

namespace DxGeo.Mavlink.Codec.Signing;

/// <summary>
/// Signing keys on disk, outside any workspace (a workspace file is shared; a key must not be): one hex file per
/// vehicle in a folder only the owner can enter (0700), each file readable only by the owner (0600).
/// Loading refuses a key file that group or others can access.
/// </summary>
public sealed class SigningKeyStore(string directory)
{
    private const UnixFileMode OwnerOnlyDir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                              UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary><c>$DXGEO_KEYS</c>, else <c>$XDG_CONFIG_HOME/dxgeo/keys</c>, else <c>~/.config/dxgeo/keys</c>.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("DXGEO_KEYS") is { Length: > 0 } env) return env;
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "dxgeo", "keys");
    }

    public string PathOf(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\', '\0']) >= 0 || name.StartsWith('.'))
            throw new DxGeoException($"signing key name '{name}' is not a plain file name");
        return Path.Combine(Directory, name + ".key");
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>Refuses to keep keys under <paramref name="workspaceFolder"/>.</summary>
    public void EnsureOutside(string workspaceFolder)
    {
        var ws = Path.GetFullPath(workspaceFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if ((Directory + Path.DirectorySeparatorChar).StartsWith(ws, StringComparison.Ordinal))
            throw new DxGeoException($"signing keys must not be stored inside the workspace folder ({ws}); key folder: {Directory}");
    }

    public void Save(string name, SigningKey key, bool overwrite = false)
    {
        var path = PathOf(name);
        if (!overwrite && File.Exists(path)) throw new DxGeoException($"signing key '{name}' already exists ({path})");
        System.IO.Directory.CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Directory, OwnerOnlyDir);
        var tmp = path + ".tmp";
        // Create with owner-only mode from the start so the secret is never briefly world-readable.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using (var s = new FileStream(tmp, options))
        using (var w = new StreamWriter(s))
            w.WriteLine(key.ToHex());
        File.Move(tmp, path, overwrite: true);
    }

    public SigningKey Load(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path)) throw new DxGeoException($"signing key '{name}' not found ({path})");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
            throw new DxGeoException($"signing key file {path} is accessible by group or others; run: chmod 600 {path}");
        try { return SigningKey.FromHex(File.ReadAllText(path)); }
        catch (FormatException e) { throw new DxGeoException($"signing key file {path} is not 64 hex digits", e); }
        catch (ArgumentException e) { throw new DxGeoException($"signing key file {path}: {e.Message}", e); }
    }
}

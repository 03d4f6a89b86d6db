using System.CommandLine;

namespace DxGeo.Cli;

/// <summary>What every command shares: the global <c>--workspace</c> option and the output streams.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;

    public Option<string> Workspace { get; } = new("--workspace", "-w")
    {
        Description = "Workspace GeoPackage file",
        DefaultValueFactory = _ => "dxgeo.gpkg",
        Recursive = true,
    };

    /// <summary>Progress on stderr (so stdout stays clean for GeoJSON/CSV output), throttled to one line per ~0.5 s.</summary>
    public IProgress<(long Done, long? Total, string What)> Progress(string label)
    {
        var last = DateTime.MinValue;
        return new Progress<(long Done, long? Total, string What)>(p =>
        {
            var now = DateTime.UtcNow;
            if ((now - last).TotalMilliseconds < 500 && p.Total != p.Done) return;
            last = now;
            Err.WriteLine(p.Total is { } t and > 0
                ? $"  {label}: {p.Done:N0}/{t:N0} ({100.0 * p.Done / t:F0} %) {p.What}"
                : $"  {label}: {p.Done:N0} {p.What}");
        });
    }
}

using DxGeo.Core.Workspace;

namespace DxGeo.Cli.Demo;

/// <summary>State passed along the main job's steps.</summary>
internal sealed class DemoContext
{
    public required CliContext Cli { get; init; }
    /// <summary>Folder holding the sample town (sample-data/town).</summary>
    public required string SampleDir { get; init; }
    /// <summary>Output folder for plans, reports, plots and the summary.</summary>
    public required string OutDir { get; init; }
    public required string WorkspacePath { get; init; }
    public IWorkspace? Workspace { get; set; }
    /// <summary>Lines for summary.md, appended by each step.</summary>
    public List<string> Summary { get; } = [];
    /// <summary>Values steps hand to later steps (e.g. the levee plan path).</summary>
    public Dictionary<string, object> Items { get; } = [];

    public TextWriter Out => Cli.Out;
}

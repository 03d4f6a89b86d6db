using DxGeo.Core.Errors;

namespace DxGeo.Cli.Demo;

/// <summary>A demo step made of ordinary <c>dxgeo</c> commands on the demo workspace, so the main job exercises
/// exactly what a user types (and prints what they would see).</summary>
internal abstract class CliStep : IDemoStep
{
    public abstract string Title { get; }

    public abstract void Run(DemoContext ctx);

    protected static void Dxgeo(DemoContext ctx, params string[] args)
    {
        string[] full = ["--workspace", ctx.WorkspacePath, .. args];
        ctx.Out.WriteLine($"$ dxgeo {string.Join(' ', args.Select(Quote))}");
        // The demo holds the workspace open; commands open their own connection (the store allows readers and one writer).
        var rc = CliApp.Run(full, ctx.Out, ctx.Cli.Err);
        if (rc != 0) throw new DxGeoException($"demo step '{string.Join(' ', args.Take(2))}' failed with exit code {rc}");
    }

    private static string Quote(string a) => a.Contains(' ') ? $"\"{a}\"" : a;
}

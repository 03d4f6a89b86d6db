namespace DxGeo.Cli.Tests;

/// <summary>
/// What every CLI test class needs: its own temporary folder (deleted afterwards) and <c>dxgeo</c> run in-process
/// with stdout and stderr captured.
/// </summary>
public abstract class CliTest(string prefix) : IDisposable
{
    protected string Dir { get; } = Directory.CreateTempSubdirectory($"dxgeo-cli-{prefix}-").FullName;

    protected string P(string name) => Path.Combine(Dir, name);

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    public virtual void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

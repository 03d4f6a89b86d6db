using System.CommandLine;
using DxGeo.Cli.Commands;
using DxGeo.Core.Errors;

namespace DxGeo.Cli;

/// <summary>Builds the <c>dxgeo</c> command tree and maps errors to exit codes: 0 ok, 1 user error (one line on stderr), 2 usage, 70 internal.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var ctx = new CliContext(stdout, stderr);
        var root = new RootCommand("DxGeo: GIS-centric infrastructure inspection (pipes, bridges, levees; drone flights; risk).");
        root.Options.Add(ctx.Workspace);
        foreach (var command in CommandCatalog.Build(ctx))
            root.Subcommands.Add(command);

        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                stderr.WriteLine($"dxgeo: {parse.Errors[0].Message} (see --help)");
                return 2;
            }
            return parse.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr,
            });
        }
        catch (DxGeoException e)
        {
            stderr.WriteLine($"dxgeo: {OneLine(e.Message)}");
            return e is CliExitException x ? x.ExitCode : 1;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("dxgeo: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"dxgeo: internal error: {OneLine(e.Message)} ({e.GetType().Name}; set DXGEO_TRACE=1 for details)");
            if (Environment.GetEnvironmentVariable("DXGEO_TRACE") == "1") stderr.WriteLine(e);
            return 70;
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}

/// <summary>An error that asks for a specific exit code (e.g. 3 for "the gate refused").</summary>
public sealed class CliExitException(string message, int exitCode) : DxGeoException(message)
{
    public int ExitCode { get; } = exitCode;
}

using System.CommandLine;
using DxGeo.Core.Errors;
using DxGeo.Web;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo serve</c>: the web map, OGC API – Features and vector tiles over a workspace, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Build(CliContext ctx)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Address(es) to listen on (';'-separated); port 0 picks a free port",
            DefaultValueFactory = _ => "http://127.0.0.1:5000",
        };
        var baseMap = new Option<string>("--base-map")
        {
            Description = "XYZ tile URL template of the base map, or 'none' for a plain background (offline)",
            DefaultValueFactory = _ => WebServerOptions.DefaultBaseMapUrl,
        };
        var cmd = new Command("serve", "Serve the workspace: web map, OGC API – Features (QGIS, GDAL) and vector tiles (read-only)") { urls, baseMap };
        cmd.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(ctx.Workspace)!);
            if (!File.Exists(path)) throw new DxGeoException($"{path}: no workspace there (create one with 'dxgeo init' or 'dxgeo sample-town')");
            var map = parse.GetValue(baseMap)!;
            return Serve(ctx, path, parse.GetValue(urls)!, new WebServerOptions { BaseMapUrl = map is "none" or "" ? null : map });
        });
        return cmd;
    }

    /// <summary>Serves <paramref name="path"/> until Ctrl+C, printing each address (also the end of <c>dxgeo demo</c>).</summary>
    internal static int Serve(CliContext ctx, string path, string urls, WebServerOptions options)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            DxGeoWebServer.Run(path, urls, stop.Token, options, addresses =>
            {
                foreach (var a in addresses) ctx.Out.WriteLine($"serving {Path.GetFileName(path)} at {a}/  (web map; OGC API at {a}/collections; Ctrl+C stops)");
                ctx.Out.Flush();
            }).GetAwaiter().GetResult();
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            throw new DxGeoException($"cannot listen on {urls}: {e.Message}");
        }
        finally { Console.CancelKeyPress -= onCancel; }
        return 0;
    }
}

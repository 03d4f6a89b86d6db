using System.CommandLine;
using DxGeo.Core.Assets.Layers;

namespace DxGeo.Cli.Commands;

/// <summary><c>dxgeo dictionary</c>: prints the data dictionary (layer names, fields, codes) as Markdown.</summary>
internal static class DictionaryCommand
{
    public static Command Build(CliContext ctx)
    {
        var cmd = new Command("dictionary", "Print the data dictionary of the asset and context layers (Markdown)");
        cmd.SetAction(_ =>
        {
            ctx.Out.Write(DataDictionary.ToMarkdown(AssetLayers.All));
            return 0;
        });
        return cmd;
    }
}

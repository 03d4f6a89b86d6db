using System.CommandLine;
using DxGeo.Cli.Demo;

namespace DxGeo.Cli.Commands;

/// <summary>Every top-level command, one factory per capability (one line each, so capabilities merge cleanly).</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Build(CliContext ctx)
    {
        yield return DemoCommand.Build(ctx);
        yield return DictionaryCommand.Build(ctx);
        yield return WorkspaceCommands.BuildInit(ctx);
        yield return WorkspaceCommands.BuildLayers(ctx);
        yield return SampleTownCommands.Build(ctx);
        yield return ImportExportCommands.BuildImport(ctx);
        yield return ImportExportCommands.BuildExport(ctx);
        yield return QueryCommands.Build(ctx);
        yield return MeshCommands.Build(ctx);
        yield return ServeCommand.Build(ctx);
        yield return FlyCommands.Build(ctx);
        yield return SimCommands.Build(ctx);
        yield return RiskCommands.Build(ctx);
        yield return PlanCommands.Build(ctx);
        yield return TrainCommand.Build(ctx);
        yield return DamageCommand.Build(ctx);
        yield return ImagesCommand.Build(ctx);
        yield return FindingsCommand.Build(ctx);
        yield return OpsCommand.Build(ctx);
        yield return UsersCommand.Build(ctx);
        yield return ReviewCommands.Build(ctx);
    }
}

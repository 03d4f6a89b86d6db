namespace DxGeo.Cli.Demo;

/// <summary>One stage of the main job (<c>dxgeo demo</c>): each capability adds its own step.</summary>
internal interface IDemoStep
{
    string Title { get; }
    void Run(DemoContext ctx);
}

using DxGeo.Cli;

namespace DxGeo.Cli.Tests;

public class ServeCommandTests
{
    [Fact]
    public void Serve_without_a_workspace_file_fails_with_one_line_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"dxgeo-missing-{Guid.NewGuid():N}.gpkg");
        var (code, _, err) = CliTest.Run("serve", "--workspace", missing, "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, code);
        Assert.Contains(missing, err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Serve_help_describes_urls_and_base_map()
    {
        var (code, stdout, _) = CliTest.Run("serve", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--urls", stdout);
        Assert.Contains("--base-map", stdout);
        Assert.Contains("OGC API", stdout);
    }

    [Fact]
    public void Demo_help_offers_no_serve_and_urls()
    {
        var (code, stdout, _) = CliTest.Run("demo", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--no-serve", stdout);
        Assert.Contains("--urls", stdout);
    }
}

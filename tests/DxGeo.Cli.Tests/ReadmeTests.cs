using DxGeo.Cli;

namespace DxGeo.Cli.Tests;

public class ReadmeTests
{
    internal static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "DxGeo.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (DxGeo.sln) not found");
    }

    [Fact]
    public void Readme_data_dictionary_matches_the_layer_schemas()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        const string begin = "<!-- data-dictionary:begin -->", end = "<!-- data-dictionary:end -->";
        var i = readme.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        var j = readme.IndexOf(end, StringComparison.Ordinal);
        var inReadme = readme[i..j].Trim();

        var stdout = new StringWriter();
        var rc = CliApp.Run(["dictionary"], stdout, new StringWriter());

        Assert.Equal(0, rc);
        Assert.True(inReadme == stdout.ToString().Trim(),
            "README's data dictionary is out of date: run scripts/update-readme.sh");
    }

    [Fact]
    public void Unknown_command_exits_2_with_one_line_on_stderr()
    {
        var err = new StringWriter();
        var rc = CliApp.Run(["no-such-command"], new StringWriter(), err);
        Assert.Equal(2, rc);
        Assert.Single(err.ToString().Trim().Split('\n'));
    }
}

namespace DxGeo.Benchmarks;

/// <summary>A timed comparison run, printing a Markdown table (copied into benchmarks/RESULTS.md).</summary>
public interface ISuite
{
    string Name { get; }
    string Description { get; }
    int Run(string[] args);
}

public static class Suites
{
    private static IReadOnlyList<ISuite> All() =>
    [
        new CrsSuite(),
        new GpkgSuite(),
        new ImportSuite(),
        new QuerySuite(),
        new SampleTownSuite(),
        new MavlinkSuite(),
        new PlanSuite(),
        new RiskSuite(),
        new Web.WebSuite(),
        new ImagesIngestSuite(),
        new OpsSuite(),
        new DamageSuite(),
        new DamagePhotosSuite(),
        new ReviewSuite(),
    ];

    public static int Run(string[] args)
    {
        var all = All();
        if (args.Length == 0 || args[0] == "list")
        {
            foreach (var s in all) Console.WriteLine($"{s.Name,-20} {s.Description}");
            return 0;
        }
        var suite = all.FirstOrDefault(s => s.Name == args[0]);
        if (suite is null) { Console.Error.WriteLine($"unknown suite '{args[0]}'"); return 2; }
        return suite.Run(args[1..]);
    }

    /// <summary>The value after <paramref name="name"/> in a suite's arguments, or <paramref name="fallback"/>.</summary>
    public static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}

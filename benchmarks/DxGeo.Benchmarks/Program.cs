using BenchmarkDotNet.Running;
using DxGeo.Benchmarks;

// Usage:
//   dotnet run -c Release --project benchmarks/DxGeo.Benchmarks -- list
//   dotnet run -c Release --project benchmarks/DxGeo.Benchmarks -- <suite> [options]   (timed runs against a peer tool)
//   dotnet run -c Release --project benchmarks/DxGeo.Benchmarks -- bdn [BenchmarkDotNet args]
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(Suites).Assembly).Run(args[1..]);
    return 0;
}
return Suites.Run(args);

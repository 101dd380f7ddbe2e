using BenchmarkDotNet.Running;

namespace Waypoint.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Waypoint.Benchmarks -- --filter '*'</c> runs the micro-benchmarks
/// (BenchmarkDotNet). Load tools take a verb first; docs/benchmarks.md lists each command with its latest figures.
/// </summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}

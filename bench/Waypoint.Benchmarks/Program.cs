using BenchmarkDotNet.Running;
using Waypoint.Benchmarks.Load;

namespace Waypoint.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Waypoint.Benchmarks -- --filter '*'</c> runs the micro-benchmarks
/// (BenchmarkDotNet). Load tools take a verb first; docs/benchmarks.md lists each command with its latest figures.
/// <list type="bullet">
/// <item><c>directory --provider Sqlite|Postgres</c>: first import of the directory into a fresh database and search times.</item>
/// <item><c>toolbox --provider Sqlite|Postgres [--rounds 50] [--extra 1000]</c>: toolbox catalogue search times.</item>
/// <item><c>good-practices --provider Sqlite|Postgres [--count 10000] [--rounds 20]</c>: library search over 10,000 approved good practices.</item>
/// <item><c>answers --provider Sqlite|Postgres [--requests 200] [--postgres "connection string"]</c>: 50 clients saving answers, then the results page.</item>
/// <item><c>compare --provider Sqlite|Postgres --connection "…"</c>: the Compare targets on a database holding Synthetic Europe.</item>
/// <item><c>export --provider Sqlite|Postgres --connection "…" [--runs 3]</c>: the analytics CSV and Excel downloads of a database holding Synthetic Europe.</item>
/// <item><c>languages [--rounds 300]</c>: the same pages in English and in Maltese, server time of each; memory of the loaded translations.</item>
/// </list>
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "directory") return await DirectoryBenchmark.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "toolbox") return await ToolboxBenchmark.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "good-practices") return await GoodPracticeSearchBenchmark.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "answers") return await AnswerLoad.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "compare") return await CompareLoad.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "export") return await ExportBenchmark.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "languages") return await LanguageBenchmark.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}

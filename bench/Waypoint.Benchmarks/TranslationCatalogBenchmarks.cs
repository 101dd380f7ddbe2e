using BenchmarkDotNet.Attributes;
using Waypoint.Infrastructure.Localization;

namespace Waypoint.Benchmarks;

/// <summary>Loading every interface translation (all PO files), as the application does once at start; the memory
/// diagnoser reports what it allocates. What the loaded catalogue keeps is measured by the <c>languages</c> verb.</summary>
[MemoryDiagnoser]
public class TranslationCatalogBenchmarks
{
    private readonly string _directory = Path.Combine(AppContext.BaseDirectory, "Localization", "Translations");

    [Benchmark(Description = "Load all PO files")]
    public object LoadAllTranslations() => new TranslationCatalog(_directory);
}

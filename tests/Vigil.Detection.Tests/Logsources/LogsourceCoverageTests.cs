using Vigil.Detection.Sigma.Parsing;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Tests.Logsources;

public sealed class LogsourceCoverageTests(ITestOutputHelper output)
{
    // Measured on the SigmaHQ snapshot in shared/data/sigma (3,780 rules): 3,636 resolve. See docs/logsources.md.
    private const int ResolvedFloor = 3630;

    [Fact]
    public void Resolve_SigmaHqRules_AlmostAllLogsourcesAreKnown()
    {
        var map = TestEvents.RepoMap;
        var total = 0;
        var resolved = 0;
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = Directory.EnumerateDirectories(TestPaths.SigmaRules, "rules*")
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yml", SearchOption.AllDirectories));
        foreach (var file in files)
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                stream.Load(reader);
            }

            foreach (var doc in stream.Documents)
            {
                if (doc.RootNode is not YamlMappingNode root
                    || !root.Children.TryGetValue(new YamlScalarNode("logsource"), out var node)
                    || node is not YamlMappingNode logsourceNode)
                {
                    continue;
                }

                total++;
                var logsource = new SigmaLogsource(Key(logsourceNode, "product"), Key(logsourceNode, "category"), Key(logsourceNode, "service"));
                if (map.Resolve(logsource).Count > 0)
                {
                    resolved++;
                }
                else
                {
                    unknown[logsource.ToString()] = unknown.GetValueOrDefault(logsource.ToString()) + 1;
                }
            }
        }

        output.WriteLine($"{resolved} of {total} rules resolve");
        foreach (var (logsource, count) in unknown.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {count,4}  {logsource}");
        }

        total.ShouldBeGreaterThan(3000);
        resolved.ShouldBeGreaterThanOrEqualTo(ResolvedFloor);
    }

    private static string? Key(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value.ToLowerInvariant()
            : null;
}

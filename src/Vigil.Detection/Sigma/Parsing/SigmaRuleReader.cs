using YamlDotNet.RepresentationModel;
using Vigil.Detection.Correlation;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Turns one (already merged) rule document into a <see cref="SigmaRule"/>.</summary>
internal static class SigmaRuleReader
{
    private static readonly HashSet<string> Levels = new(StringComparer.OrdinalIgnoreCase) { "informational", "low", "medium", "high", "critical" };

    private static readonly HashSet<string> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "stable", "test", "experimental", "deprecated", "unsupported",
    };

    public static SigmaRule Read(YamlMappingNode doc, string file, SigmaLoadOptions options, int docLine, int docColumn)
    {
        var warnings = new List<RuleDiagnostic>();
        var title = Scalar(doc, "title");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new SigmaRuleException(docLine, docColumn, "title", "the rule has no title");
        }

        var hasDetection = doc.Children.ContainsKey("detection");
        var hasCorrelation = doc.Children.ContainsKey("correlation");
        var hasFilter = doc.Children.ContainsKey("filter");
        var parts = (hasDetection ? 1 : 0) + (hasCorrelation ? 1 : 0) + (hasFilter ? 1 : 0);
        if (parts != 1)
        {
            throw new SigmaRuleException(
                docLine, docColumn, "detection", parts == 0
                    ? "the rule has none of detection, correlation or filter"
                    : "a rule may have only one of detection, correlation or filter");
        }

        var id = Scalar(doc, "id");
        if (id is not null && !Guid.TryParse(id, out _))
        {
            warnings.Add(Warn(docLine, docColumn, "id", file, $"id '{id}' is not a UUID"));
        }

        var level = Scalar(doc, "level")?.ToLowerInvariant();
        if (level is not null && !Levels.Contains(level))
        {
            warnings.Add(Warn(docLine, docColumn, "level", file, $"unknown level '{level}'"));
        }

        var status = Scalar(doc, "status")?.ToLowerInvariant();
        if (status is not null && !Statuses.Contains(status))
        {
            warnings.Add(Warn(docLine, docColumn, "status", file, $"unknown status '{status}'"));
        }

        var logsource = ReadLogsource(doc);
        SigmaDetection? detection = null;
        CorrelationDefinition? correlation = null;
        IReadOnlyList<string> filterTargets = [];
        SigmaRuleKind kind;
        var detectionParser = new DetectionParser(options, file, warnings);
        if (hasDetection)
        {
            kind = SigmaRuleKind.Detection;
            if (logsource is null)
            {
                warnings.Add(Warn(docLine, docColumn, "logsource", file, "the rule has no logsource; it applies to every event"));
            }

            var node = doc.Children["detection"] as YamlMappingNode
                ?? throw new SigmaRuleException(Line(doc.Children["detection"]), Column(doc.Children["detection"]), "detection", "detection must be a map");
            detection = detectionParser.Parse(node, "detection");
        }
        else if (hasCorrelation)
        {
            kind = SigmaRuleKind.Correlation;
            var node = doc.Children["correlation"] as YamlMappingNode
                ?? throw new SigmaRuleException(Line(doc.Children["correlation"]), Column(doc.Children["correlation"]), "correlation", "correlation must be a map");
            if (doc.Children.TryGetValue("generate", out var generate) && !node.Children.ContainsKey("generate"))
            {
                // The specification puts generate at rule level; pySigma reads it inside correlation. Accept both.
                var copy = new YamlMappingNode();
                foreach (var (k, v) in node.Children)
                {
                    copy.Add(k, v);
                }

                copy.Add("generate", generate);
                node = copy;
            }

            correlation = CorrelationDefinition.Parse(node, file);
        }
        else
        {
            kind = SigmaRuleKind.Filter;
            var node = doc.Children["filter"] as YamlMappingNode
                ?? throw new SigmaRuleException(Line(doc.Children["filter"]), Column(doc.Children["filter"]), "filter", "filter must be a map");
            var searches = new YamlMappingNode();
            List<string> targets = [];
            foreach (var (k, v) in node.Children)
            {
                if (k is YamlScalarNode { Value: "rules" })
                {
                    targets = v switch
                    {
                        YamlSequenceNode seq => [.. seq.Select(x => (x as YamlScalarNode)?.Value
                            ?? throw new SigmaRuleException(Line(x), Column(x), "filter.rules", "rule references must be strings"))],
                        YamlScalarNode s when !string.IsNullOrEmpty(s.Value) => [s.Value],
                        _ => throw new SigmaRuleException(Line(v), Column(v), "filter.rules", "filter.rules must list rule ids or names"),
                    };
                }
                else
                {
                    searches.Add(k, v);
                }
            }

            if (targets.Count == 0)
            {
                throw new SigmaRuleException(Line(node), Column(node), "filter.rules", "a filter must name the rules it applies to");
            }

            filterTargets = targets;
            detection = detectionParser.Parse(searches, "filter");
        }

        return new SigmaRule
        {
            File = file,
            Line = docLine,
            Kind = kind,
            Id = id,
            Name = Scalar(doc, "name"),
            Title = title,
            Status = status,
            Level = level,
            Description = Scalar(doc, "description"),
            Author = Scalar(doc, "author"),
            Tags = [.. List(doc, "tags").Select(t => t.ToLowerInvariant())],
            FalsePositives = List(doc, "falsepositives"),
            Logsource = logsource ?? SigmaLogsource.Any,
            Detection = detection,
            Correlation = correlation,
            FilterTargets = filterTargets,
            Warnings = warnings,
        };
    }

    private static SigmaLogsource? ReadLogsource(YamlMappingNode doc)
    {
        if (!doc.Children.TryGetValue("logsource", out var node))
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            throw new SigmaRuleException(Line(node), Column(node), "logsource", "logsource must be a map");
        }

        return new SigmaLogsource(Scalar(map, "product")?.ToLowerInvariant(), Scalar(map, "category")?.ToLowerInvariant(), Scalar(map, "service")?.ToLowerInvariant());
    }

    private static string? Scalar(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(key, out var node))
        {
            return null;
        }

        return node switch
        {
            YamlScalarNode s => string.IsNullOrEmpty(s.Value) ? null : s.Value,
            _ => throw new SigmaRuleException(Line(node), Column(node), key, $"'{key}' must be a string"),
        };
    }

    private static List<string> List(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(key, out var node))
        {
            return [];
        }

        return node switch
        {
            YamlSequenceNode seq => [.. seq.OfType<YamlScalarNode>().Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => s.Value!)],
            YamlScalarNode s when !string.IsNullOrEmpty(s.Value) => [s.Value],
            YamlScalarNode => [],
            _ => throw new SigmaRuleException(Line(node), Column(node), key, $"'{key}' must be a list of strings"),
        };
    }

    private static RuleDiagnostic Warn(int line, int column, string construct, string file, string message)
        => new(file, line, column, construct, message);

    internal static int Line(YamlNode node) => (int)node.Start.Line;

    internal static int Column(YamlNode node) => (int)node.Start.Column;
}

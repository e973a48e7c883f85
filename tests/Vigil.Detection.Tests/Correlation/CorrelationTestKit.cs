using Vigil.Core.Events;
using Vigil.Detection.Correlation;
using Vigil.Detection.Sigma.Parsing;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Tests.Correlation;

/// <summary>Builders shared by the correlation tests: YAML sections, rules, events and engines.</summary>
internal static class CorrelationTestKit
{
    public static readonly long T0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static long Sec(double seconds) => T0 + (long)(seconds * TimeSpan.TicksPerSecond);

    public static YamlMappingNode Section(string yaml)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return (YamlMappingNode)root.Children[new YamlScalarNode("correlation")];
    }

    public static CorrelationDefinition Parse(string yaml) => CorrelationDefinition.Parse(Section(yaml), "test.yml");

    public static SigmaRuleException ParseError(string yaml) => Should.Throw<SigmaRuleException>(() => Parse(yaml));

    public static CorrelationBinding Binding(string id, string? name, string yaml)
    {
        var definition = Parse(yaml);
        var rule = new SigmaRule { File = "test.yml", Id = id, Name = name, Title = id, Kind = SigmaRuleKind.Correlation, Correlation = definition };
        return new CorrelationBinding(rule, definition);
    }

    public static CorrelationEngine NewEngine(string yaml, CorrelationEngineOptions? options = null)
        => new([Binding("corr-1", "corr_one", yaml)], options);

    public static EventRecord Event(long time, params (string Name, string Value)[] fields) => Event(time, 0, fields);

    public static EventRecord Event(long time, long location, params (string Name, string Value)[] fields)
    {
        var record = new EventRecord();
        record.Reset(EventSchema.Empty);
        foreach (var (name, value) in fields)
        {
            record.Add(name, value);
        }

        record.TimestampTicks = time;
        record.SourceName = "test.json";
        record.Location = location;
        return record.Snapshot();
    }

    /// <summary>A comparable text form of a match: rule, group, value, field value, times, count and event locations.</summary>
    public static string Describe(CorrelationMatch m)
        => $"{m.Rule.Key}|{string.Join(",", m.Group.Select(p => $"{p.Key}={p.Value}"))}|{m.Value:R}|{m.FieldValue}|"
            + $"{m.FirstTimeTicks}|{m.LastTimeTicks}|{m.EventCount}|{string.Join(",", m.Events.Select(e => e.Location))}";

    public static List<string> Describe(IEnumerable<CorrelationMatch> matches) => matches.Select(Describe).ToList();
}

using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Detection.Logsources;

namespace Vigil.Detection.Tests.Logsources;

/// <summary>Builds events for classifier tests: flat field lists or JSON flattened to dotted names.</summary>
internal static class TestEvents
{
    public static LogsourceMap RepoMap { get; } = LogsourceMap.Load(Path.Combine(TestPaths.RepoRoot, "maps", "logsources.yaml"));

    public static EventSchema SchemaFor(LogsourceMap map, params string[] extra)
        => new(map.ConditionFieldNames.Concat(extra));

    public static EventRecord Flat(EventSchema schema, params (string Name, string Value)[] fields)
    {
        var record = new EventRecord();
        record.Reset(schema);
        foreach (var (name, value) in fields)
        {
            record.Add(name, value);
        }

        return record;
    }

    public static void FillJson(EventRecord record, EventSchema schema, string json)
    {
        record.Reset(schema);
        using var doc = JsonDocument.Parse(json);
        Add(record, string.Empty, doc.RootElement);
    }

    public static string[] Names(LogsourceMap map, ReadOnlySpan<int> ids)
    {
        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = map.Variants[ids[i]].ToString();
        }

        return names;
    }

    public static string[] Classify(LogsourceClassifier classifier, EventRecord record)
    {
        Span<int> ids = stackalloc int[classifier.MaxVariantsPerEvent];
        var count = classifier.Classify(record, ids);
        return Names(classifier.Map, ids[..count]);
    }

    private static void Add(EventRecord record, string name, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(record, name.Length == 0 ? property.Name : name + "." + property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Add(record, name, item);
                }

                break;
            case JsonValueKind.String:
                record.Add(name, element.GetString(), FieldValueKind.String);
                break;
            case JsonValueKind.Null:
                record.Add(name, string.Empty, FieldValueKind.Null);
                break;
            default:
                var kind = element.ValueKind switch
                {
                    JsonValueKind.Number => FieldValueKind.Number,
                    JsonValueKind.True => FieldValueKind.True,
                    _ => FieldValueKind.False,
                };
                record.Add(name, element.GetRawText(), kind);
                break;
        }
    }
}

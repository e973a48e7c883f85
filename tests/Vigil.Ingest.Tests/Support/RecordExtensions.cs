using Vigil.Core.Events;

namespace Vigil.Ingest.Tests.Support;

/// <summary>Reads fields back from records in tests.</summary>
internal static class RecordExtensions
{
    /// <summary>All fields as (name, value, kind), in order.</summary>
    public static List<(string Name, string Value, FieldValueKind Kind)> Fields(this EventRecord record)
    {
        var fields = new List<(string, string, FieldValueKind)>();
        for (var i = 0; i < record.FieldCount; i++)
        {
            fields.Add((record.NameAt(i).ToString(), record.ValueAt(i).ToString(), record.KindAt(i)));
        }

        return fields;
    }

    /// <summary>The values of every entry named <paramref name="name"/> (exact case), in order.</summary>
    public static List<string> Values(this EventRecord record, string name)
        => [.. record.Fields().Where(f => f.Name == name).Select(f => f.Value)];

    /// <summary>The single value named <paramref name="name"/>.</summary>
    public static string Value(this EventRecord record, string name) => record.Values(name).ShouldHaveSingleItem($"field {name}");

    public static FieldValueKind Kind(this EventRecord record, string name)
        => record.Fields().Single(f => f.Name == name).Kind;

    public static List<string> Names(this EventRecord record) => [.. record.Fields().Select(f => f.Name)];
}

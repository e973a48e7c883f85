using Vigil.Core.Events;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>Field presence (<c>|exists: true</c>) or absence (<c>false</c>); a JSON null counts as present.</summary>
internal sealed class ExistsNode(int fieldId, bool exists) : MatchNode
{
    public override bool Eval(EventRecord record) => (record.First(fieldId) >= 0) == exists;

    public override void Collect(EventRecord record, List<KeyValuePair<string, string>> matched)
    {
        var entry = record.First(fieldId);
        if (exists && entry >= 0)
        {
            matched.Add(new(record.NameAt(entry).ToString(), record.ValueAt(entry).ToString()));
        }
    }
}

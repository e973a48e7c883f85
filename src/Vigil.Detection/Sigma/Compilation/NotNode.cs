using Vigil.Core.Events;

namespace Vigil.Detection.Sigma.Compilation;

internal sealed class NotNode(MatchNode child) : MatchNode
{
    public MatchNode Child { get; } = child;

    public override bool Eval(EventRecord record) => !Child.Eval(record);

    public override void Collect(EventRecord record, List<KeyValuePair<string, string>> matched)
    {
        // A negated part holds because something is absent: there is no value to show.
    }
}

using Vigil.Core.Events;

namespace Vigil.Detection.Sigma.Compilation;

internal sealed class AndNode(MatchNode[] children) : MatchNode
{
    public MatchNode[] Children { get; } = children;

    public override bool Eval(EventRecord record)
    {
        foreach (var child in Children)
        {
            if (!child.Eval(record))
            {
                return false;
            }
        }

        return true;
    }

    public override void Collect(EventRecord record, List<KeyValuePair<string, string>> matched)
    {
        foreach (var child in Children)
        {
            child.Collect(record, matched);
        }
    }
}

using Vigil.Core.Events;

namespace Vigil.Detection.Sigma.Compilation;

internal sealed class AtLeastNode(int count, MatchNode[] children) : MatchNode
{
    public override bool Eval(EventRecord record)
    {
        var hits = 0;
        foreach (var child in children)
        {
            if (child.Eval(record) && ++hits >= count)
            {
                return true;
            }
        }

        return false;
    }

    public override void Collect(EventRecord record, List<KeyValuePair<string, string>> matched)
    {
        foreach (var child in children)
        {
            if (child.Eval(record))
            {
                child.Collect(record, matched);
            }
        }
    }
}

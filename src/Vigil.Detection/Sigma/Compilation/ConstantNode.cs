using Vigil.Core.Events;

namespace Vigil.Detection.Sigma.Compilation;

internal sealed class ConstantNode(bool value) : MatchNode
{
    public override bool Eval(EventRecord record) => value;

    public override void Collect(EventRecord record, List<KeyValuePair<string, string>> matched)
    {
    }
}

using Vigil.Core.Events;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>A compiled condition node: evaluates an event, and on a hit tells which fields and values satisfied it.</summary>
internal abstract class MatchNode
{
    public abstract bool Eval(EventRecord record);

    /// <summary>Adds the (field, value) pairs that make this node true; called only for nodes that are true.</summary>
    public abstract void Collect(EventRecord record, List<KeyValuePair<string, string>> matched);
}

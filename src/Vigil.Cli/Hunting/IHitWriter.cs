using Vigil.Analytics.Behaviour.Findings;
using Vigil.Detection.Attack;
using Vigil.Detection.Hunting;

namespace Vigil.Cli.Hunting;

/// <summary>Writes hits in one output format. Disposing does not close the output it writes to.</summary>
internal interface IHitWriter : IHitSink, IDisposable
{
    /// <summary>Writes whatever is buffered; called once after the last hit.</summary>
    void Complete();

    /// <summary>Writes a behavioural model's finding (after the rule hits: the models run once the events are read).</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="attack">The ATT&amp;CK tactics and techniques of the finding.</param>
    void OnFinding(ModelFinding finding, AttackMapping attack);
}

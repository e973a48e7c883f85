using Vigil.Analytics.Behaviour.Findings;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>Receives a model's candidate findings.</summary>
internal interface IFindingSink
{
    /// <summary>Weighs a candidate with the organisation context and reports it when it stays above the model's threshold.</summary>
    /// <param name="model">The model.</param>
    /// <param name="candidate">The candidate.</param>
    void Report(BehaviourModel model, FindingCandidate candidate);
}

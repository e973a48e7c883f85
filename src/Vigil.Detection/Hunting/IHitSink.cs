using Vigil.Detection.Sigma.Evaluation;

namespace Vigil.Detection.Hunting;

/// <summary>Receives hits. Calls are serialised by the caller.</summary>
public interface IHitSink
{
    /// <summary>Handles one hit.</summary>
    /// <param name="hit">The hit.</param>
    void OnHit(DetectionHit hit);
}

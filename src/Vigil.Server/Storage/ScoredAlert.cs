using Vigil.Server.Pipeline;

namespace Vigil.Server.Storage;

/// <summary>An alert ready to store: as raised, when its events were received, and its final confidence.</summary>
/// <param name="Raised">The alert as the pipeline raised it.</param>
/// <param name="ReceivedAt">When the server received the events behind it (for ingest-to-alert latency).</param>
/// <param name="Confidence">The confidence analysts see, in [0, 1].</param>
/// <param name="ConfidenceSource">Where it came from: the detector, or the triage model version.</param>
/// <param name="TriageScore">The triage model's score when one is active, else null (the detector's own stays in <see cref="PipelineAlert.Confidence"/>).</param>
internal sealed record ScoredAlert(PipelineAlert Raised, DateTimeOffset ReceivedAt, double Confidence, string ConfidenceSource, double? TriageScore);

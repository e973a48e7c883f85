using Prometheus;

namespace Vigil.Server.Hosting;

/// <summary>The server's Prometheus metrics, in a registry of its own (so two servers in one process do not mix figures).</summary>
internal sealed class ServerMetrics
{
    public ServerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        IngestEvents = factory.CreateCounter("vigil_ingest_events_total", "Events received and journaled, by source.", "source");
        IngestBatches = factory.CreateCounter("vigil_ingest_batches_total", "Ingest batches by source and outcome (accepted, duplicate, rejected_busy, rejected_backlog, invalid).", "source", "outcome");
        QueuedBytes = factory.CreateGauge("vigil_ingest_queued_bytes", "Bytes received and waiting to be journaled.");
        BacklogEvents = factory.CreateGauge("vigil_detection_backlog_events", "Events journaled and not yet through detection.");
        DetectedEvents = factory.CreateCounter("vigil_detection_events_total", "Events run through the detection pipeline.");
        PipelineErrors = factory.CreateCounter("vigil_pipeline_errors_total", "Malformed records and failed batches in the detection pipeline.");
        Alerts = factory.CreateCounter("vigil_alerts_total", "Alerts by status: new and suppressed alerts stored, throttled repeats counted on the alert they repeat.", "status");
        IngestToDetection = factory.CreateHistogram(
            "vigil_ingest_to_detection_seconds", "From receipt of a batch to its detection results being committed.",
            new HistogramConfiguration { Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30, 60] });
        IngestToAlert = factory.CreateHistogram(
            "vigil_ingest_to_alert_seconds", "From receipt of the events behind an alert to the alert being committed (stored, or counted as a repeat of a stored one).",
            new HistogramConfiguration { Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30, 60] });
    }

    public CollectorRegistry Registry { get; }

    public Counter IngestEvents { get; }

    public Counter IngestBatches { get; }

    public Gauge QueuedBytes { get; }

    public Gauge BacklogEvents { get; }

    public Counter DetectedEvents { get; }

    public Counter PipelineErrors { get; }

    public Counter Alerts { get; }

    public Histogram IngestToDetection { get; }

    public Histogram IngestToAlert { get; }
}

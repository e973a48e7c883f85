using Vigil.Server.Pipeline;
using Vigil.Storage.Embedded;

namespace Vigil.Server.Feedback;

/// <summary>
/// Turns an alert into the triage model's input. Besides the detector (one-hot), the numbers are: severity rank, the highest
/// asset criticality weight of its entities, whether a user is privileged, the entity count, the hour of day (UTC, as a point
/// on a circle), weekend, and history before the alert's time: earlier alerts of its detector, the detector's smoothed
/// false-positive rate among verdicts on earlier alerts, how many such verdicts there are, and earlier alerts on its entities.
/// </summary>
internal static class TriageFeatures
{
    /// <summary>Makes an unlabelled example of a new alert.</summary>
    /// <param name="alert">The alert as raised.</param>
    /// <param name="history">Its history.</param>
    /// <returns>The example.</returns>
    public static TriageExample Of(PipelineAlert alert, TriageHistory history)
        => new(alert.Alert.Id, alert.Alert.Detector, EmbeddedAlertStore.Rank(alert.Alert.Severity), alert.Alert.Time, alert.Entities, history, null);

    /// <summary>Makes the model input of an example.</summary>
    /// <param name="example">The example.</param>
    /// <returns>The input row.</returns>
    public static TriageInput Input(TriageExample example)
    {
        var time = example.Time.ToUniversalTime();
        var angle = 2 * Math.PI * (time.Hour + (time.Minute / 60.0)) / 24;
        var history = example.History;
        float[] numbers =
        [
            Math.Clamp(example.SeverityRank, 0, 4) / 4f,
            example.Entities.Count == 0 ? 0f : example.Entities.Max(e => CriticalityWeight(e.Criticality)),
            example.Entities.Any(e => e.Privileged) ? 1f : 0f,
            (float)Math.Log(1 + example.Entities.Count),
            (float)Math.Sin(angle),
            (float)Math.Cos(angle),
            time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1f : 0f,
            (float)Math.Log(1 + history.PriorDetectorAlerts),
            (float)history.FalsePositiveRate,
            (float)Math.Log(1 + history.PriorVerdicts),
            (float)Math.Log(1 + history.PriorEntityAlerts),
        ];
        return new TriageInput { Detector = example.Detector, Numbers = numbers, Label = example.Label == true };
    }

    /// <summary>The weight of an asset criticality: low 0.25, medium 0.5, high 0.75, critical 1, unknown 0.</summary>
    /// <param name="criticality">The criticality, or null.</param>
    /// <returns>The weight.</returns>
    public static float CriticalityWeight(string? criticality) => criticality?.ToUpperInvariant() switch
    {
        "LOW" => 0.25f,
        "MEDIUM" => 0.5f,
        "HIGH" => 0.75f,
        "CRITICAL" => 1f,
        _ => 0f,
    };
}

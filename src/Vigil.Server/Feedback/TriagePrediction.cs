namespace Vigil.Server.Feedback;

/// <summary>The triage model's output row (ML.NET fills it by column name).</summary>
internal sealed class TriagePrediction
{
    /// <summary>Gets or sets the calibrated probability that the alert is a true positive.</summary>
    public float Probability { get; set; }
}

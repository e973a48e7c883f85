using Microsoft.ML.Data;

namespace Vigil.Server.Feedback;

/// <summary>One row of the triage model's input (ML.NET binds it by property name).</summary>
internal sealed class TriageInput
{
    /// <summary>The number of values in <see cref="Numbers"/>.</summary>
    public const int NumberCount = 11;

    /// <summary>Gets or sets the detector (one-hot encoded by the model; a detector it never saw encodes as all zeros).</summary>
    public string Detector { get; set; } = string.Empty;

    /// <summary>Gets or sets the numeric features (see <see cref="TriageFeatures"/>).</summary>
    [VectorType(NumberCount)]
    public float[] Numbers { get; set; } = new float[NumberCount];

    /// <summary>Gets or sets the label: true for a true positive.</summary>
    public bool Label { get; set; }
}

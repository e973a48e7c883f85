using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Vigil.Server.Feedback;

/// <summary>
/// A loaded triage model. ML.NET's prediction engine is not thread-safe, so predictions take a lock (the detection worker is
/// the only caller on the hot path, so the lock is uncontended). Disposing it mid-use is safe: later predictions return null.
/// </summary>
internal sealed class TriageModel : IDisposable
{
    private const string DetectorVector = "DetectorVector";
    private const string Features = "Features";

    private readonly Lock _gate = new();
    private readonly PredictionEngine<TriageInput, TriagePrediction> _engine;
    private readonly TriagePrediction _output = new();
    private bool _disposed;

    private TriageModel(int version, PredictionEngine<TriageInput, TriagePrediction> engine)
    {
        Version = version;
        _engine = engine;
    }

    /// <summary>Gets the model version.</summary>
    public int Version { get; }

    /// <summary>Gets the confidence source of alerts it scores: <c>triage-model v&lt;Version&gt;</c>.</summary>
    public string Source => "triage-model v" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Trains a model: the detector one-hot encoded, concatenated with the numeric features, min-max normalised, then L-BFGS
    /// logistic regression (single-threaded, so the same verdicts give the same model).
    /// </summary>
    /// <param name="training">The labelled rows.</param>
    /// <returns>The model as bytes (an ML.NET model zip).</returns>
    public static byte[] Train(IEnumerable<TriageInput> training)
    {
        var context = new MLContext(seed: 0);
        var data = context.Data.LoadFromEnumerable(training);
        var pipeline = context.Transforms.Categorical.OneHotEncoding(DetectorVector, nameof(TriageInput.Detector))
            .Append(context.Transforms.Concatenate(Features, DetectorVector, nameof(TriageInput.Numbers)))
            .Append(context.Transforms.NormalizeMinMax(Features))
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(TriageInput.Label),
                FeatureColumnName = Features,
                NumberOfThreads = 1,
            }));
        var transformer = pipeline.Fit(data);
        using var stream = new MemoryStream();
        context.Model.Save(transformer, data.Schema, stream);
        return stream.ToArray();
    }

    /// <summary>Loads a model from its bytes.</summary>
    /// <param name="version">Its version.</param>
    /// <param name="bytes">The ML.NET model zip.</param>
    /// <returns>The model.</returns>
    public static TriageModel Load(int version, byte[] bytes)
    {
        var context = new MLContext(seed: 0);
        using var stream = new MemoryStream(bytes, writable: false);
        var transformer = context.Model.Load(stream, out _);
        return new TriageModel(version, context.Model.CreatePredictionEngine<TriageInput, TriagePrediction>(transformer));
    }

    /// <summary>Predicts the probability that an alert is a true positive.</summary>
    /// <param name="input">The alert's features.</param>
    /// <returns>The probability in [0, 1], or null when the model was disposed or gave no number.</returns>
    public double? Predict(TriageInput input)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            var output = _output;
            _engine.Predict(input, ref output);
            var probability = (double)output.Probability;
            return double.IsFinite(probability) ? Math.Clamp(probability, 0, 1) : null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _engine.Dispose();
            }
        }
    }
}

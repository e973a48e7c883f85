using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Vigil.Server.Pipeline;
using Vigil.Server.Storage;

namespace Vigil.Server.Feedback;

/// <summary>
/// Sets a new alert's confidence from the active triage model (source <c>triage-model v&lt;N&gt;</c>, also kept as the triage
/// score beside the detector's own confidence); without an active model, the detector's own confidence, as
/// <see cref="DetectorScorer"/> does. The active model is loaded at start and swapped atomically when one is promoted.
/// </summary>
internal sealed partial class TriageScorer : IAlertScorer, IDisposable
{
    private readonly ServerStore _store;
    private readonly ILogger<TriageScorer> _logger;
    private TriageModel? _model;
    private TriageVerdictIndex? _verdicts;

    /// <summary>Initializes a new instance of the <see cref="TriageScorer"/> class, loading the active model if there is one.</summary>
    /// <param name="store">The store.</param>
    /// <param name="logger">The log.</param>
    public TriageScorer(ServerStore store, ILogger<TriageScorer> logger)
    {
        _store = store;
        _logger = logger;
        if (store.ActiveTriageModel() is { } active)
        {
            try
            {
                _model = TriageModel.Load(active.Version, active.Model);
                LogLoaded(logger, active.Version);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLoadFailed(logger, ex, active.Version);
            }
        }
    }

    /// <summary>Gets the version of the active model, or null.</summary>
    public int? ActiveVersion => Volatile.Read(ref _model)?.Version;

    /// <summary>Makes a model the active one; the one it replaces is disposed.</summary>
    /// <param name="model">The model.</param>
    public void Activate(TriageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Interlocked.Exchange(ref _model, model)?.Dispose();
        LogLoaded(_logger, model.Version);
    }

    /// <inheritdoc />
    public (double Confidence, string Source, double? TriageScore) Score(PipelineAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (Volatile.Read(ref _model) is null)
        {
            return (alert.Confidence, alert.ConfidenceSource, null);
        }

        var input = TriageFeatures.Input(TriageFeatures.Of(alert, History(alert)));
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // A second attempt only when the model was swapped and disposed between reading and predicting.
            if (Volatile.Read(ref _model) is not { } model)
            {
                break;
            }

            double? probability;
            try
            {
                probability = model.Predict(input);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                LogScoreFailed(_logger, ex, model.Version, alert.Alert.Id);
                break;
            }

            if (probability is { } p)
            {
                return (p, model.Source, p);
            }
        }

        return (alert.Confidence, alert.ConfidenceSource, null);
    }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _model, null)?.Dispose();

    /// <exception cref="SqliteException">The store failed (the detection worker retries the step).</exception>
    private TriageHistory History(PipelineAlert alert)
    {
        var latest = _store.LatestVerdictId();
        var verdicts = Volatile.Read(ref _verdicts);
        if (verdicts is null || verdicts.Version != latest)
        {
            verdicts = _store.TriageVerdicts();
            Volatile.Write(ref _verdicts, verdicts);
        }

        var (detectorAlerts, entityAlerts) = _store.TriageCounts(alert);
        var (judged, falsePositives) = verdicts.Before(alert.Alert.Detector, alert.Alert.Time.ToUnixTimeMilliseconds());
        return new TriageHistory(detectorAlerts, judged, falsePositives, entityAlerts);
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Triage model v{Version} sets the confidence of new alerts")]
    private static partial void LogLoaded(ILogger logger, int version);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Error, Message = "The active triage model v{Version} cannot be loaded; alerts keep their detector's confidence until a model is promoted")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, int version);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Error, Message = "Triage model v{Version} failed on alert {AlertId}; it keeps its detector's confidence")]
    private static partial void LogScoreFailed(ILogger logger, Exception exception, int version, string alertId);
}

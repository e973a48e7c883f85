using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Vigil.Server.Storage;

namespace Vigil.Server.Feedback;

/// <summary>
/// Trains a triage model on the latest verdicts and promotes it only when it beats the active one on the same held-out
/// verdicts (a fixed 20% chosen by a hash of the alert id). Every model trained is stored with both scores. One training runs
/// at a time.
/// </summary>
internal sealed partial class TriageTrainer(ServerStore store, TriageScorer scorer, ILogger<TriageTrainer> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Whether an alert is in the held-out set: the first four bytes of SHA-256 of its id, modulo 100, below 20.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <returns>True when held out.</returns>
    public static bool IsHeldOut(string alertId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(alertId));
        return BitConverter.ToUInt32(hash, 0) % 100 < TriageConstants.HoldoutPercent;
    }

    /// <summary>Trains, scores, stores and perhaps promotes a model.</summary>
    /// <param name="actor">Who asked (recorded in the audit trail).</param>
    /// <param name="cancellationToken">Stops waiting for a training already running.</param>
    /// <returns>The model, or why none was trained.</returns>
    public async Task<TriageTrainingResult> TrainAsync(string actor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Train(actor), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private TriageTrainingResult Train(string actor)
    {
        var examples = store.TriageExamples(TriageConstants.MaximumExamples);
        var positives = examples.Count(e => e.Label == true);
        if (examples.Count < TriageConstants.MinimumVerdicts)
        {
            return Refuse($"training needs at least {TriageConstants.MinimumVerdicts} alerts whose latest verdict is true_positive, benign_positive, "
                + $"false_positive_logic or false_positive_data (undetermined ones do not count); there are {examples.Count}");
        }

        if (positives == 0 || positives == examples.Count)
        {
            return Refuse($"training needs verdicts of both classes; there are {positives} true positives and {examples.Count - positives} benign or false positives");
        }

        var holdout = examples.Where(e => IsHeldOut(e.AlertId)).ToList();
        var training = examples.Where(e => !IsHeldOut(e.AlertId)).ToList();
        foreach (var (name, set) in new[] { ("held-out", holdout), ("training", training) })
        {
            var p = set.Count(e => e.Label == true);
            if (p == 0 || p == set.Count)
            {
                return Refuse($"the {name} set ({(name == "held-out" ? TriageConstants.HoldoutPercent : 100 - TriageConstants.HoldoutPercent)}% of verdicts, "
                    + $"chosen by alert id) has {p} true positives and {set.Count - p} benign or false positives; both classes are needed, so give more verdicts");
            }
        }

        var bytes = TriageModel.Train(training.Select(TriageFeatures.Input));
        TriageMetrics candidate;
        using (var model = TriageModel.Load(0, bytes))
        {
            candidate = Evaluate(model, holdout);
        }

        TriageMetrics? current = null;
        var active = store.ActiveTriageModel();
        if (active is { } a)
        {
            try
            {
                using var model = TriageModel.Load(a.Version, a.Model);
                current = Evaluate(model, holdout);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogCurrentUnreadable(logger, ex, a.Version);
            }
        }

        var promote = TriageEvaluation.Beats(candidate, current);
        var view = store.SaveTriageModel(bytes, training.Count, holdout.Count, candidate, current, active?.Version, promote, actor);
        if (promote)
        {
            scorer.Activate(TriageModel.Load(view.Version, bytes));
        }

        LogTrained(logger, view.Version, view.Score, view.CurrentScore, view.Promoted);
        return new TriageTrainingResult(view, null);
    }

    private static TriageMetrics Evaluate(TriageModel model, List<TriageExample> holdout)
        => TriageEvaluation.Evaluate([.. holdout.Select(e => (e.Label == true, model.Predict(TriageFeatures.Input(e)) ?? double.NaN))]);

    private TriageTrainingResult Refuse(string reason)
    {
        LogRefused(logger, reason);
        return new TriageTrainingResult(null, reason);
    }

    [LoggerMessage(EventId = 4411, Level = LogLevel.Information, Message = "Triage model v{Version} trained: AUC {Score} against the active model's {CurrentScore}; promoted: {Promoted}")]
    private static partial void LogTrained(ILogger logger, int version, double score, double? currentScore, bool promoted);

    [LoggerMessage(EventId = 4412, Level = LogLevel.Information, Message = "No triage model trained: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4413, Level = LogLevel.Warning, Message = "The active triage model v{Version} cannot be loaded to score it; the new model is compared with none")]
    private static partial void LogCurrentUnreadable(ILogger logger, Exception exception, int version);
}

using System.Globalization;

namespace Vigil.Analytics.Backtesting;

/// <summary>
/// Scores the alerts of rules and behavioural models against a ground truth: deduplicates them, matches them to the
/// labelled scenarios by time and entity, and computes precision, recall, F1, false-alert rates, benign-trap results,
/// time to detect and the targets. Immutable and thread-safe; the definitions are in docs/backtest.md.
/// Cost: O(alerts × log alerts) to sort, then per alert a binary search and the scenarios whose window holds its time.
/// </summary>
public sealed class BacktestScorer
{
    /// <summary>Creates a scorer.</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public BacktestScorer(BacktestOptions? options = null)
    {
        Options = options ?? new BacktestOptions();
        if (Options.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    /// <summary>Gets the options.</summary>
    public BacktestOptions Options { get; }

    /// <summary>Scores <paramref name="alerts"/> against <paramref name="truth"/>.</summary>
    /// <param name="truth">The ground truth (validated again here, so one built in code gets the same checks as a file).</param>
    /// <param name="alerts">The alerts, in any order.</param>
    /// <returns>The report.</returns>
    /// <exception cref="GroundTruthException">The ground truth is not valid.</exception>
    /// <exception cref="ArgumentException">An alert is not valid (null, no detector, a null list or an unknown severity).</exception>
    public BacktestReport Score(GroundTruth truth, IEnumerable<BacktestAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(alerts);
        GroundTruthValidator.Validate(truth, "ground truth");
        var raw = alerts as IReadOnlyList<BacktestAlert> ?? [.. alerts];
        var deduplicated = AlertDeduplicator.Deduplicate(raw, Options.DedupWindow);
        var scenarios = new BacktestScenarios(truth, Options);
        var tally = new BacktestTally(scenarios);
        foreach (var alert in deduplicated)
        {
            tally.Add(alert);
        }

        var attackScores = AttackScores(scenarios, tally);
        var detected = attackScores.Count(s => s.Detected);
        var overall = new BacktestOverall(
            attackScores.Count,
            detected,
            BacktestMetrics.From(tally.TruePositives, deduplicated.Count, detected, attackScores.Count));
        var falseAlerts = FalseAlerts(truth, tally);
        var traps = TrapScores(scenarios, tally);
        return new BacktestReport(
            truth,
            Options,
            new BacktestAlertCounts(raw.Count, deduplicated.Count, tally.TruePositives, tally.False),
            overall,
            falseAlerts,
            attackScores,
            NameScores(scenarios, tally, attackScores),
            TechniqueScores(scenarios, tally, attackScores),
            traps,
            Targets(overall, falseAlerts, traps));
    }

    private static List<BacktestScenarioScore> AttackScores(BacktestScenarios scenarios, BacktestTally tally)
    {
        var result = new List<BacktestScenarioScore>(scenarios.Attacks.Count);
        for (var s = 0; s < scenarios.Attacks.Count; s++)
        {
            var scenario = scenarios.Attacks[s].Scenario;
            var alerts = tally.AttackAlerts[s];
            var first = tally.AttackFirst[s];
            TimeSpan? timeToDetect = first is { } f ? Max(f - scenario.Start, TimeSpan.Zero) : null;
            result.Add(new BacktestScenarioScore(
                scenario.Id,
                scenario.Name,
                scenario.Title,
                scenario.Techniques,
                scenario.Start,
                scenario.End,
                alerts > 0,
                alerts,
                tally.AttackFalse[s],
                [.. tally.AttackDetectors[s]],
                first,
                timeToDetect,
                BacktestMetrics.From(alerts, alerts + tally.AttackFalse[s], alerts > 0 ? 1 : 0, 1)));
        }

        return result;
    }

    private static List<BacktestScenarioNameScore> NameScores(
        BacktestScenarios scenarios, BacktestTally tally, List<BacktestScenarioScore> attackScores)
    {
        var result = new List<BacktestScenarioNameScore>(scenarios.Names.Count);
        for (var n = 0; n < scenarios.Names.Count; n++)
        {
            var instances = attackScores.Where((_, s) => scenarios.AttackName[s] == n).ToList();
            var detected = instances.Where(i => i.Detected).ToList();
            TimeSpan? mean = detected.Count == 0 ? null : TimeSpan.FromTicks((long)detected.Average(i => i.TimeToDetect!.Value.Ticks));
            var alerts = tally.NameAlerts[n];
            result.Add(new BacktestScenarioNameScore(
                scenarios.Names[n],
                instances.Count,
                detected.Count,
                alerts,
                tally.NameFalse[n],
                mean,
                BacktestMetrics.From(alerts, alerts + tally.NameFalse[n], detected.Count, instances.Count)));
        }

        return result;
    }

    private static List<BacktestTechniqueScore> TechniqueScores(
        BacktestScenarios scenarios, BacktestTally tally, List<BacktestScenarioScore> attackScores)
    {
        var result = new List<BacktestTechniqueScore>(scenarios.Techniques.Count);
        for (var t = 0; t < scenarios.Techniques.Count; t++)
        {
            var labelled = scenarios.AttacksByTechnique[t];
            var detected = labelled.Count(s => attackScores[s].Detected);
            result.Add(new BacktestTechniqueScore(
                scenarios.Techniques[t],
                scenarios.TechniqueLabels[t],
                labelled.Length,
                detected,
                tally.TechniqueAlerts[t],
                tally.TechniqueMatched[t],
                BacktestMetrics.From(tally.TechniqueMatched[t], tally.TechniqueAlerts[t], detected, labelled.Length)));
        }

        return result;
    }

    private static List<BacktestTrapScore> TrapScores(BacktestScenarios scenarios, BacktestTally tally)
    {
        var result = new List<BacktestTrapScore>(scenarios.Traps.Count);
        for (var i = 0; i < scenarios.Traps.Count; i++)
        {
            var trap = scenarios.Traps[i].Scenario;
            result.Add(new BacktestTrapScore(
                trap.Id, trap.Name, trap.Title, trap.Start, trap.End, tally.TrapAlerts[i], tally.TrapHighest[i], [.. tally.TrapDetectors[i]]));
        }

        return result;
    }

    private static BacktestFalseAlerts FalseAlerts(GroundTruth truth, BacktestTally tally)
    {
        var bySeverity = BacktestSeverities.All.ToDictionary(s => s, s => tally.FalseBySeverity[(int)s]);
        var top = tally.FalseByDetector
            .OrderByDescending(d => d.Value)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .Take(BacktestConstants.TopDetectors)
            .Select(d => new BacktestDetectorCount(d.Key, d.Value))
            .ToList();
        var perDay = (double)tally.False / truth.Days;
        return new BacktestFalseAlerts(tally.False, perDay, perDay / truth.Users * 1000, bySeverity, top, tally.FalseByDetector.Count);
    }

    private List<BacktestTarget> Targets(BacktestOverall overall, BacktestFalseAlerts falseAlerts, List<BacktestTrapScore> traps)
    {
        var recall = overall.Metrics.Recall;
        var recallTarget = Options.TargetRecall;
        var rate = falseAlerts.Per1000UsersPerDay;
        var maxSeverity = Options.TargetMaxTrapSeverity;
        var above = traps.Count(t => t.HighestSeverity > maxSeverity);
        return
        [
            new BacktestTarget(
                "attack_recall",
                recallTarget >= 1 ? "every attack scenario detected" : Invariant($"at least {recallTarget:P0} of attack scenarios detected"),
                ">=",
                recallTarget,
                recall,
                recall is not { } r || r >= recallTarget),
            new BacktestTarget(
                "false_alerts_per_1000_users_per_day",
                Invariant($"at most {Options.TargetFalseAlertsPer1000UsersPerDay:0.##} false alerts per 1,000 users per day"),
                "<=",
                Options.TargetFalseAlertsPer1000UsersPerDay,
                rate,
                rate <= Options.TargetFalseAlertsPer1000UsersPerDay),
            new BacktestTarget(
                "benign_traps_above_severity",
                $"no benign trap flagged above {BacktestSeverities.Name(maxSeverity)}",
                "<=",
                0,
                above,
                above == 0),
        ];
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using Vigil.Analytics.Backtesting;

namespace Vigil.Analytics.Tests.Backtesting;

/// <summary>Hand-built ground truths and alerts for backtest tests.</summary>
internal static class BacktestSome
{
    /// <summary>10:00 UTC on the day the example scenarios happen.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 10, 21, 10, 0, 0, TimeSpan.Zero);

    public static GroundTruthScenario Attack(
        string id,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        string? name = null,
        string[]? techniques = null,
        string[]? users = null,
        string[]? hosts = null,
        string[]? addresses = null)
        => new(
            id,
            GroundTruthScenarioKind.Attack,
            name ?? id,
            $"Title of {id}",
            techniques ?? ["T1110.003"],
            start ?? T0,
            end ?? (start ?? T0).AddMinutes(15),
            users ?? [],
            hosts ?? [],
            addresses ?? [],
            10);

    public static GroundTruthScenario Benign(
        string id, DateTimeOffset? start = null, DateTimeOffset? end = null, string[]? users = null, string[]? hosts = null)
        => new(
            id,
            GroundTruthScenarioKind.Benign,
            id,
            $"Title of {id}",
            [],
            start ?? T0,
            end ?? (start ?? T0).AddMinutes(15),
            users ?? [],
            hosts ?? [],
            [],
            5);

    public static GroundTruth Truth(params GroundTruthScenario[] scenarios) => Truth(28, 200, scenarios);

    public static GroundTruth Truth(int days, int users, params GroundTruthScenario[] scenarios)
        => new(1, new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), days, users, Math.Min(14, days), scenarios);

    public static BacktestAlert Alert(
        DateTimeOffset time,
        string detector = "rule:r1",
        string severity = "medium",
        string[]? techniques = null,
        string[]? users = null,
        string[]? hosts = null,
        string[]? addresses = null,
        string? title = null)
        => new(detector, title ?? $"Alert from {detector}", severity, time, techniques ?? [], users ?? [], hosts ?? [], addresses ?? []);

    /// <summary>An alert far from every scenario (a false alert) about user <c>nobody-n</c>, so false alerts never collapse.</summary>
    public static BacktestAlert FalseAlert(int n, string detector = "rule:noisy", string severity = "low", string[]? techniques = null)
        => Alert(T0.AddDays(-5).AddMinutes(n), detector, severity, techniques, users: [$"nobody-{n}"]);

    public static BacktestReport Score(GroundTruth truth, IEnumerable<BacktestAlert> alerts, BacktestOptions? options = null)
        => new BacktestScorer(options).Score(truth, alerts);
}

using Vigil.Analytics.Backtesting;

namespace Vigil.Cli.Tests.Backtesting;

/// <summary>A small backtest report: one attack detected, one missed, a trap flagged high, and some false alerts.</summary>
internal static class BacktestSampleReport
{
    public static readonly DateTimeOffset T0 = new(2026, 10, 21, 10, 2, 0, TimeSpan.Zero);

    public static BacktestReport Create(bool passing = false)
    {
        var scenarios = new List<GroundTruthScenario>
        {
            new("attack-01-password-spraying", GroundTruthScenarioKind.Attack, "password-spraying", "Password spraying [WS-0142]",
                ["T1110.003"], T0, T0.AddMinutes(17), ["jdoe"], ["WS-0142", "DC01"], ["10.20.5.14"], 43),
            new("benign-01-backup", GroundTruthScenarioKind.Benign, "backup-admin", "Nightly backup",
                [], T0.AddDays(1), T0.AddDays(1).AddMinutes(30), ["svc-backup"], [], [], 30),
        };
        if (!passing)
        {
            scenarios.Add(new("attack-02-lsass-dump", GroundTruthScenarioKind.Attack, "lsass-dump", "LSASS dump on DC01",
                ["T1003.001"], T0.AddDays(2), T0.AddDays(2).AddMinutes(5), ["asmith"], ["DC02"], [], 4));
        }

        var truth = new GroundTruth(1, new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero), new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), 28, 200, 14, scenarios);
        var alerts = new List<BacktestAlert>
        {
            new("rule:spray", "Many failed logons", "high", T0.AddMinutes(4), ["T1110.003"], ["CORP\\jdoe"], [], []),
            new("model:failed-logons", "Failed logon burst", "medium", T0.AddMinutes(9), [], [], ["ws-0142.corp.example"], []),
            new("rule:[brackets]", "Odd rule", passing ? "medium" : "critical", T0.AddDays(1).AddMinutes(3), ["T1078"], ["svc-backup"], [], []),
            new("rule:noisy", "Noisy", "low", T0.AddDays(-3), ["T1110"], ["nobody"], [], []),
        };
        return new BacktestScorer().Score(truth, alerts);
    }
}

using Vigil.Analytics.Backtesting;
using static Vigil.Analytics.Tests.Backtesting.BacktestSome;

namespace Vigil.Analytics.Tests.Backtesting;

public sealed class BacktestScorerTests
{
    [Fact]
    public void Score_OneDetectedOneMissed_ReportsEachScenarioAndHalfRecall()
    {
        var truth = Truth(
            Attack("attack-01-spray", users: ["jdoe"], hosts: ["WS-0142"]),
            Attack("attack-02-dump", start: T0.AddDays(2), users: ["asmith"], techniques: ["T1003.001"]));
        var alerts = new[]
        {
            Alert(T0.AddMinutes(3), "rule:spray", "high", ["T1110.003"], users: ["jdoe"]),
            Alert(T0.AddMinutes(4), "model:logon-burst", "medium", [], hosts: ["WS-0142"]),
        };

        var report = Score(truth, alerts);

        var detected = report.Scenarios[0];
        detected.Id.ShouldBe("attack-01-spray");
        detected.Detected.ShouldBeTrue();
        detected.Alerts.ShouldBe(2);
        detected.Detectors.ShouldBe(["model:logon-burst", "rule:spray"]);
        detected.FirstAlert.ShouldBe(T0.AddMinutes(3));
        detected.Metrics.ShouldBe(new BacktestMetrics(1, 1, 1));
        var missed = report.Scenarios[1];
        missed.Detected.ShouldBeFalse();
        missed.Alerts.ShouldBe(0);
        missed.FirstAlert.ShouldBeNull();
        missed.TimeToDetect.ShouldBeNull();
        missed.Metrics.ShouldBe(new BacktestMetrics(null, 0, null));
        report.Overall.Detected.ShouldBe(1);
        report.Overall.Metrics.Recall.ShouldBe(0.5);
        report.Overall.Metrics.Precision.ShouldBe(1);
        report.Targets.Single(t => t.Name == "attack_recall").Passed.ShouldBeFalse();
        report.Passed.ShouldBeFalse();
    }

    [Fact]
    public void Score_FalseAlerts_LowerOverallPrecision()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));
        var alerts = new[] { Alert(T0.AddMinutes(1), users: ["jdoe"]), FalseAlert(1), FalseAlert(2), FalseAlert(3) };

        var report = Score(truth, alerts);

        report.Alerts.ShouldBe(new BacktestAlertCounts(4, 4, 1, 3));
        report.Overall.Metrics.Precision.ShouldBe(0.25);
        report.Overall.Metrics.Recall.ShouldBe(1);
        report.Overall.Metrics.F1!.Value.ShouldBe(0.4, 1e-12);
    }

    [Fact]
    public void Score_TimeToDetect_IsFirstMatchingAlertMinusStart()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));
        var alerts = new[] { Alert(T0.AddMinutes(30), "rule:late", users: ["jdoe"]), Alert(T0.AddMinutes(17), "rule:early", users: ["jdoe"]) };

        var report = Score(truth, alerts);

        report.Scenarios[0].TimeToDetect.ShouldBe(TimeSpan.FromMinutes(17));
        report.Scenarios[0].FirstAlert.ShouldBe(T0.AddMinutes(17));
    }

    [Fact]
    public void Score_AlertBeforeScenarioStart_ClampsTimeToDetectToZero()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));

        var report = Score(truth, [Alert(T0.AddMinutes(-2), users: ["jdoe"])]);

        report.Scenarios[0].Detected.ShouldBeTrue();
        report.Scenarios[0].FirstAlert.ShouldBe(T0.AddMinutes(-2));
        report.Scenarios[0].TimeToDetect.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(-5 * 60, true)]
    [InlineData((-5 * 60) - 1, false)]
    [InlineData((15 + 60) * 60, true)]
    [InlineData(((15 + 60) * 60) + 1, false)]
    public void Score_AlertNearWindowEdge_MatchesOnlyInsideLeadAndSlack(int secondsFromStart, bool matches)
    {
        var truth = Truth(Attack("a", end: T0.AddMinutes(15), users: ["jdoe"]));

        var report = Score(truth, [Alert(T0.AddSeconds(secondsFromStart), users: ["jdoe"])]);

        report.Scenarios[0].Detected.ShouldBe(matches);
        report.Alerts.False.ShouldBe(matches ? 0 : 1);
    }

    [Fact]
    public void Score_CustomSlack_MovesTheWindowEnd()
    {
        var truth = Truth(Attack("a", end: T0.AddMinutes(15), users: ["jdoe"]));
        var alert = Alert(T0.AddMinutes(15 + 20), users: ["jdoe"]);

        var tight = Score(truth, [alert], new BacktestOptions { MatchSlack = TimeSpan.FromMinutes(10) });
        var loose = Score(truth, [alert], new BacktestOptions { MatchSlack = TimeSpan.FromMinutes(20) });

        tight.Scenarios[0].Detected.ShouldBeFalse();
        loose.Scenarios[0].Detected.ShouldBeTrue();
    }

    [Theory]
    [InlineData("users", "CORP\\jdoe")]
    [InlineData("users", "jdoe@corp.example")]
    [InlineData("users", "JDOE")]
    [InlineData("users", "corp.example\\JDoe")]
    [InlineData("hosts", "ws-0142.corp.example")]
    [InlineData("hosts", "WS-0142")]
    [InlineData("hosts", "10.20.5.14")]
    [InlineData("addresses", "10.20.5.14")]
    [InlineData("addresses", "::ffff:10.20.5.14")]
    [InlineData("addresses", "2001:DB8:0:0:0:0:0:1")]
    [InlineData("addresses", "[2001:db8::1]")]
    [InlineData("addresses", "fe80::1%3")]
    public void Score_EntityWrittenDifferently_StillMatches(string field, string value)
    {
        var truth = Truth(Attack("a", users: ["jdoe"], hosts: ["WS-0142"], addresses: ["10.20.5.14", "2001:db8::1", "fe80::1"]));
        var alert = field switch
        {
            "users" => Alert(T0, users: [value]),
            "hosts" => Alert(T0, hosts: [value]),
            _ => Alert(T0, addresses: [value]),
        };

        Score(truth, [alert]).Scenarios[0].Detected.ShouldBeTrue();
    }

    [Theory]
    [InlineData("users", "CORP\\jdoe2")]
    [InlineData("users", "WS-0142")]
    [InlineData("hosts", "ws-01420.corp.example")]
    [InlineData("hosts", "corp.ws-0142")]
    [InlineData("hosts", "jdoe")]
    [InlineData("addresses", "10.20.5.15")]
    [InlineData("addresses", "2001:db8::2")]
    [InlineData("addresses", "not-an-address")]
    public void Score_DifferentEntity_DoesNotMatch(string field, string value)
    {
        var truth = Truth(Attack("a", users: ["jdoe"], hosts: ["WS-0142"], addresses: ["10.20.5.14", "2001:db8::1"]));
        var alert = field switch
        {
            "users" => Alert(T0, users: [value]),
            "hosts" => Alert(T0, hosts: [value]),
            _ => Alert(T0, addresses: [value]),
        };

        Score(truth, [alert]).Scenarios[0].Detected.ShouldBeFalse();
    }

    [Fact]
    public void Score_HostWrittenAsAddress_IsNotComparedAsAHostName()
    {
        var truth = Truth(Attack("a", hosts: ["10"]));

        Score(truth, [Alert(T0, hosts: ["10.1.2.3"])]).Scenarios[0].Detected.ShouldBeFalse();
    }

    [Fact]
    public void Score_FalseAlertWithSiblingSubTechnique_CountsAgainstScenarioPrecision()
    {
        var truth = Truth(Attack("a", users: ["jdoe"], techniques: ["T1110.003"]));
        var alerts = new[]
        {
            Alert(T0.AddMinutes(1), users: ["jdoe"], techniques: ["T1110.003"]),
            FalseAlert(1, techniques: ["T1110.001"]),
            FalseAlert(2, techniques: ["t1110"]),
            FalseAlert(3, techniques: ["T1059.001", "TA0006"]),
            FalseAlert(4),
        };

        var report = Score(truth, alerts);

        var scenario = report.Scenarios[0];
        scenario.FalseAlertsSharingTechnique.ShouldBe(2);
        scenario.Metrics.Precision!.Value.ShouldBe(1.0 / 3, 1e-12);
        scenario.Metrics.Recall.ShouldBe(1);
        scenario.Metrics.F1!.Value.ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Score_FalseAlertWithTwoSubTechniquesOfOneParent_CountsOnce()
    {
        var truth = Truth(Attack("a", users: ["jdoe"], techniques: ["T1110.003"]));

        var report = Score(truth, [FalseAlert(1, techniques: ["T1110.001", "T1110.003", "T1110"])]);

        report.Scenarios[0].FalseAlertsSharingTechnique.ShouldBe(1);
        report.Techniques.Single().Alerts.ShouldBe(1);
    }

    [Fact]
    public void Score_FalseAlertSharingTwoTechniquesWithScenario_CountsOnce()
    {
        var truth = Truth(Attack("a", name: "n", users: ["jdoe"], techniques: ["T1110.003", "T1078"]));

        var report = Score(truth, [FalseAlert(1, techniques: ["T1078", "T1110.001"])]);

        report.Scenarios[0].FalseAlertsSharingTechnique.ShouldBe(1);
        report.ScenarioNames[0].FalseAlertsSharingTechnique.ShouldBe(1);
    }

    [Fact]
    public void Score_Techniques_ComparedByParentWithRecallAndPrecision()
    {
        var truth = Truth(
            Attack("spray", users: ["jdoe"], techniques: ["T1110.003"]),
            Attack("brute", start: T0.AddDays(1), users: ["asmith"], techniques: ["T1110.001", "T1078"]),
            Attack("dump", start: T0.AddDays(2), users: ["bob"], techniques: ["T1003.001"]));
        var alerts = new[]
        {
            Alert(T0.AddMinutes(1), "rule:spray", techniques: ["T1110.003"], users: ["jdoe"]),
            Alert(T0.AddMinutes(2), "rule:other", techniques: ["T1059"], users: ["jdoe"]),
            Alert(T0.AddDays(2).AddMinutes(1), "rule:bf", techniques: ["T1110"], users: ["bob"]),
            FalseAlert(1, techniques: ["T1110.001"]),
        };

        var report = Score(truth, alerts);

        report.Techniques.Select(t => t.Technique).ShouldBe(["T1003", "T1078", "T1110"]);
        var t1110 = report.Techniques.Single(t => t.Technique == "T1110");
        t1110.Labels.ShouldBe(["T1110.001", "T1110.003"]);
        t1110.Scenarios.ShouldBe(2);
        t1110.Detected.ShouldBe(1);
        t1110.Alerts.ShouldBe(3);
        t1110.MatchedAlerts.ShouldBe(1);
        t1110.Metrics.Recall.ShouldBe(0.5);
        t1110.Metrics.Precision!.Value.ShouldBe(1.0 / 3, 1e-12);
        var t1003 = report.Techniques.Single(t => t.Technique == "T1003");
        t1003.Detected.ShouldBe(1);
        t1003.Alerts.ShouldBe(0);
        t1003.Metrics.ShouldBe(new BacktestMetrics(null, 1, null));
    }

    [Fact]
    public void Score_ScenarioNameWithTwoInstances_RecallIsDetectedShare()
    {
        var truth = Truth(
            Attack("spray-1", name: "password-spraying", users: ["jdoe"]),
            Attack("spray-2", name: "password-spraying", start: T0.AddDays(3), users: ["asmith"]),
            Attack("dump", name: "lsass-dump", start: T0.AddDays(5), users: ["bob"], techniques: ["T1003.001"]));
        var alerts = new[]
        {
            Alert(T0.AddMinutes(10), "rule:spray", users: ["jdoe"], techniques: ["T1110.003"]),
            FalseAlert(1, techniques: ["T1110.003"]),
        };

        var report = Score(truth, alerts);

        report.ScenarioNames.Select(n => n.Name).ShouldBe(["password-spraying", "lsass-dump"]);
        var spraying = report.ScenarioNames[0];
        spraying.Instances.ShouldBe(2);
        spraying.Detected.ShouldBe(1);
        spraying.Alerts.ShouldBe(1);
        spraying.FalseAlertsSharingTechnique.ShouldBe(1);
        spraying.MeanTimeToDetect.ShouldBe(TimeSpan.FromMinutes(10));
        spraying.Metrics.Recall.ShouldBe(0.5);
        spraying.Metrics.Precision.ShouldBe(0.5);
        report.ScenarioNames[1].Metrics.Recall.ShouldBe(0);
        report.ScenarioNames[1].MeanTimeToDetect.ShouldBeNull();
    }

    [Fact]
    public void Score_AlertMatchingTwoAttacks_IsOneTruePositiveCountedForBoth()
    {
        var truth = Truth(
            Attack("a", name: "n", users: ["jdoe"]),
            Attack("b", name: "n", start: T0.AddMinutes(5), hosts: ["DC01"]));

        var report = Score(truth, [Alert(T0.AddMinutes(6), users: ["jdoe"], hosts: ["dc01.corp.example"])]);

        report.Alerts.TruePositive.ShouldBe(1);
        report.Scenarios.ShouldAllBe(s => s.Alerts == 1);
        report.ScenarioNames.Single().Alerts.ShouldBe(1);
    }

    [Fact]
    public void Score_AlertsOfOneDetectorAndEntitiesWithinWindow_CollapseIntoOne()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));
        var alerts = new[]
        {
            Alert(T0.AddMinutes(30), "rule:x", "low", ["T1110.003"], users: ["jdoe"], hosts: ["WS-1"]),
            Alert(T0.AddMinutes(5), "rule:x", "medium", ["T1110"], users: ["JDOE"], hosts: ["ws-1"]),
            Alert(T0.AddMinutes(65), "rule:x", "critical", ["T1078"], users: ["jdoe"], hosts: ["WS-1", "ws-1"]),
        };

        var report = Score(truth, alerts);

        report.Alerts.Raw.ShouldBe(3);
        report.Alerts.Deduplicated.ShouldBe(1);
        report.Scenarios[0].Alerts.ShouldBe(1);
        report.Scenarios[0].FirstAlert.ShouldBe(T0.AddMinutes(5));
    }

    [Fact]
    public void Score_AlertPastDedupWindowOfFirst_StartsANewGroup()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));
        var alerts = new[]
        {
            Alert(T0, "rule:x", users: ["jdoe"]),
            Alert(T0.AddMinutes(50), "rule:x", users: ["jdoe"]),
            Alert(T0.AddMinutes(61), "rule:x", users: ["jdoe"]),
        };

        Score(truth, alerts).Alerts.Deduplicated.ShouldBe(2);
    }

    [Fact]
    public void Score_DifferentDetectorsOrEntities_DoNotCollapse()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));
        var alerts = new[]
        {
            Alert(T0, "rule:x", users: ["jdoe"]),
            Alert(T0, "rule:y", users: ["jdoe"]),
            Alert(T0, "rule:x", users: ["jdoe"], hosts: ["WS-1"]),
            Alert(T0, "rule:x", users: ["CORP\\jdoe"]),
        };

        Score(truth, alerts).Alerts.Deduplicated.ShouldBe(4);
    }

    [Fact]
    public void Score_CollapsedAlert_KeepsHighestSeverityAndTechniqueUnion()
    {
        var truth = Truth(Benign("trap", users: ["svc-backup"]), Attack("a", start: T0.AddDays(1), users: ["jdoe"], techniques: ["T1078"]));
        var alerts = new[]
        {
            Alert(T0, "model:x", "low", ["T1110.003"], users: ["svc-backup"]),
            Alert(T0.AddMinutes(20), "model:x", "high", ["T1078"], users: ["svc-backup"]),
        };

        var report = Score(truth, alerts);

        report.Alerts.Deduplicated.ShouldBe(1);
        report.BenignTraps[0].HighestSeverity.ShouldBe(BacktestSeverity.High);
        report.FalseAlerts.BySeverity[BacktestSeverity.High].ShouldBe(1);
        report.FalseAlerts.BySeverity[BacktestSeverity.Low].ShouldBe(0);
        report.Scenarios[0].FalseAlertsSharingTechnique.ShouldBe(1);
    }

    [Fact]
    public void Score_HighAlertOnBenignTrap_FlagsTrapAboveMediumAndFailsTarget()
    {
        var truth = Truth(
            Attack("a", users: ["jdoe"]),
            Benign("trap-admin", start: T0.AddDays(1), users: ["admin"]),
            Benign("trap-backup", start: T0.AddDays(2), hosts: ["BACKUP01"]),
            Benign("trap-quiet", start: T0.AddDays(3), users: ["quiet"]));
        var alerts = new[]
        {
            Alert(T0.AddMinutes(1), users: ["jdoe"]),
            Alert(T0.AddDays(1).AddMinutes(1), "rule:a", "high", users: ["CORP\\admin"]),
            Alert(T0.AddDays(1).AddMinutes(2), "rule:b", "low", users: ["admin"]),
            Alert(T0.AddDays(2).AddMinutes(1), "rule:c", "medium", hosts: ["backup01.corp.example"]),
        };

        var report = Score(truth, alerts);

        var admin = report.BenignTraps[0];
        admin.Flagged.ShouldBeTrue();
        admin.Alerts.ShouldBe(2);
        admin.HighestSeverity.ShouldBe(BacktestSeverity.High);
        admin.AboveMedium.ShouldBeTrue();
        admin.Detectors.ShouldBe(["rule:a", "rule:b"]);
        var backup = report.BenignTraps[1];
        backup.Flagged.ShouldBeTrue();
        backup.AboveMedium.ShouldBeFalse();
        var quiet = report.BenignTraps[2];
        quiet.Flagged.ShouldBeFalse();
        quiet.HighestSeverity.ShouldBeNull();
        report.Alerts.False.ShouldBe(3);
        var target = report.Targets.Single(t => t.Name == "benign_traps_above_severity");
        target.Actual.ShouldBe(1);
        target.Passed.ShouldBeFalse();
    }

    [Fact]
    public void Score_MediumAlertsOnTrapOnly_PassesTrapTarget()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]), Benign("trap", start: T0.AddDays(1), users: ["admin"]));

        var report = Score(truth, [Alert(T0, users: ["jdoe"]), Alert(T0.AddDays(1), "rule:a", "medium", users: ["admin"])]);

        report.BenignTraps[0].Flagged.ShouldBeTrue();
        report.Targets.Single(t => t.Name == "benign_traps_above_severity").Passed.ShouldBeTrue();
        report.Passed.ShouldBeTrue();
    }

    [Fact]
    public void Score_AlertMatchingAttackAndTrap_IsTruePositiveAndNotCountedForTrap()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]), Benign("trap", users: ["jdoe"]));

        var report = Score(truth, [Alert(T0, severity: "critical", users: ["jdoe"])]);

        report.Alerts.TruePositive.ShouldBe(1);
        report.BenignTraps[0].Flagged.ShouldBeFalse();
    }

    [Theory]
    [InlineData(14, 5.0, true)]
    [InlineData(15, 15 / 7.0 / 400 * 1000, false)]
    public void Score_FalseAlertRate_IsPerDayPerThousandUsers(int falseAlerts, double expectedRate, bool passes)
    {
        var truth = Truth(7, 400, Attack("a", users: ["jdoe"]));
        var alerts = Enumerable.Range(0, falseAlerts).Select(n => FalseAlert(n)).Append(Alert(T0, users: ["jdoe"]));

        var report = Score(truth, alerts);

        report.FalseAlerts.Total.ShouldBe(falseAlerts);
        report.FalseAlerts.PerDay.ShouldBe(falseAlerts / 7.0, 1e-12);
        report.FalseAlerts.Per1000UsersPerDay.ShouldBe(expectedRate, 1e-12);
        var target = report.Targets.Single(t => t.Name == "false_alerts_per_1000_users_per_day");
        target.Threshold.ShouldBe(5);
        target.Passed.ShouldBe(passes);
    }

    [Fact]
    public void Score_FalseAlertTargetOption_ChangesThreshold()
    {
        var truth = Truth(7, 400, Attack("a", users: ["jdoe"]));
        var alerts = Enumerable.Range(0, 15).Select(n => FalseAlert(n)).Append(Alert(T0, users: ["jdoe"]));

        var report = Score(truth, alerts, new BacktestOptions { TargetFalseAlertsPer1000UsersPerDay = 6 });

        report.Targets.Single(t => t.Name == "false_alerts_per_1000_users_per_day").Passed.ShouldBeTrue();
    }

    [Fact]
    public void Score_FalseAlertsByDetector_ListsMostFirstAndAtMostTwenty()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));
        var alerts = new List<BacktestAlert>();
        var n = 0;
        for (var d = 0; d < 25; d++)
        {
            for (var k = 0; k <= d % 3; k++)
            {
                alerts.Add(FalseAlert(n++, $"rule:d{d:00}"));
            }
        }

        var report = Score(truth, alerts);

        report.FalseAlerts.Detectors.ShouldBe(25);
        report.FalseAlerts.TopDetectors.Count.ShouldBe(20);
        report.FalseAlerts.TopDetectors[0].ShouldBe(new BacktestDetectorCount("rule:d02", 3));
        report.FalseAlerts.TopDetectors.Select(d => d.Count).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Score_UnknownSeverity_NamesTheAlert()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]));

        var error = Should.Throw<ArgumentException>(() => Score(truth, [Alert(T0), Alert(T0, "rule:bad", "severe")]));

        error.Message.ShouldContain("alert 1 (rule:bad at 2026-10-21T10:00:00Z)");
        error.Message.ShouldContain("\"severe\"");
    }

    [Fact]
    public void Constructor_NegativeSlack_NamesTheOption()
        => Should.Throw<ArgumentException>(() => new BacktestScorer(new BacktestOptions { MatchSlack = TimeSpan.FromMinutes(-1) }))
            .Message.ShouldContain("MatchSlack");

    [Fact]
    public void Score_InvalidHandBuiltTruth_Throws()
    {
        var truth = Truth(Attack("a", users: ["jdoe"]), Attack("a", users: ["bob"]));

        Should.Throw<GroundTruthException>(() => Score(truth, [])).Field.ShouldBe("id");
    }

    [Fact]
    public void Score_NoAlerts_LeavesPrecisionUndefined()
    {
        var report = Score(Truth(Attack("a", users: ["jdoe"])), []);

        report.Overall.Metrics.ShouldBe(new BacktestMetrics(null, 0, null));
        report.FalseAlerts.Per1000UsersPerDay.ShouldBe(0);
    }
}

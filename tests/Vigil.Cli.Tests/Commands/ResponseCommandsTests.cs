using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Vigil.Cli.Tests.Support;
using Vigil.Response.Audit;

namespace Vigil.Cli.Tests.Commands;

public sealed class ResponseCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Workspace()
    {
        var workspace = _dir.PathOf("ws");
        VigilCli.Run("init", workspace).ExitCode.ShouldBe(ExitCodes.Ok);
        return workspace;
    }

    [Fact]
    public void PolicyExplain_ClinicalAsset_NeedsTwoApprovers_WorkstationIsAutonomous()
    {
        var workspace = Workspace();
        var clinical = _dir.Write("clinical.json", """
            {"id":"a1","detector":"rule:x","severity":"critical","confidence":0.95,"techniques":["T1059.001"],"host":"PACS01","asset_criticality":"high","asset_tags":["clinical"]}
            """);
        var workstation = _dir.Write("ws.json", """
            {"id":"a2","detector":"rule:x","severity":"critical","confidence":0.95,"techniques":["T1059.001"],"host":"WS-0042","asset_criticality":"medium","asset_tags":["workstation"]}
            """);

        var onClinical = VigilCli.Run("policy", "explain", "--workspace", workspace, "--alert", clinical);
        var onWorkstation = VigilCli.Run("policy", "explain", "--workspace", workspace, "--alert", workstation);

        onClinical.ExitCode.ShouldBe(ExitCodes.Ok, onClinical.Stderr);
        onClinical.Stdout.ShouldContain("isolate_host PACS01: approval (approver x2");
        onClinical.Stdout.ShouldContain("[clinical-two-person]");
        onWorkstation.Stdout.ShouldContain("isolate_host WS-0042: autonomous [workstations-high-confidence]");
        onWorkstation.Stdout.ShouldContain("enrich WS-0042: autonomous [low-risk-actions]");
    }

    [Theory]
    [InlineData("{\"severity\":\"huge\"}", "'severity'")]
    [InlineData("{\"confidence\":3}", "'confidence'")]
    [InlineData("{not json", "not valid JSON")]
    public void PolicyExplain_BadAlert_IsAUsageErrorNamingTheField(string json, string expected)
    {
        var workspace = Workspace();
        var alert = _dir.Write("bad.json", json);
        var result = VigilCli.Run("policy", "explain", "--workspace", workspace, "--alert", alert);
        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain(expected);
    }

    [Fact]
    public void Validate_BrokenPlaybook_ReportsFileLineAndTheOtherPlaybooksStillLoad()
    {
        var workspace = Workspace();
        _dir.Write("ws/playbooks/bad.yaml", """
            name: bad
            enabled: true
            trigger:
              min_severity: high
            steps:
              - id: s1
                action: launch_missiles
                target: ${alert.host}
            """);
        var result = VigilCli.Run("validate", workspace);
        result.ExitCode.ShouldBe(ExitCodes.RuleErrors);
        result.Stdout.ShouldContain("playbooks/bad.yaml(7,");
        result.Stdout.ShouldContain("launch_missiles");
        result.Stdout.ShouldContain("playbooks: 4 loaded, ");
    }

    [Fact]
    public void AuditVerify_IntactChain_Verifies_TamperedChain_IsBrokenAtTheRecord()
    {
        var path = _dir.PathOf("audit.db");
        using (var log = ResponseAuditLog.Open(path, TimeProvider.System))
        {
            for (var i = 1; i <= 5; i++)
            {
                log.Append(AuditKind.Decision, "policy", $"alert-{i}", new JsonObject { ["decision"] = "autonomous", ["i"] = i });
            }
        }

        SqliteConnection.ClearAllPools();
        var intact = VigilCli.Run("audit", "verify", path);
        intact.ExitCode.ShouldBe(ExitCodes.Ok, intact.Stderr);
        intact.Stdout.ShouldContain("verifies: 5 records");
        var export = VigilCli.Run("audit", "export", path);
        export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);
        export.Stdout.ShouldContain("\"hash\"");

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER IF EXISTS response_audit_no_update; UPDATE response_audit SET body = '{\"decision\":\"forbidden\",\"i\":3}' WHERE seq = 3;";
            command.ExecuteNonQuery();
        }

        var tampered = VigilCli.Run("audit", "verify", path);
        tampered.ExitCode.ShouldBe(ExitCodes.Hits);
        tampered.Stdout.ShouldContain("BROKEN at record 3");
    }

    [Fact]
    public void AuditVerify_MissingFile_IsAUsageError()
    {
        var result = VigilCli.Run("audit", "verify", _dir.PathOf("nope.db"));
        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("no such audit log");
    }
}

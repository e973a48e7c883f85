using Vigil.Response.Audit;
using Vigil.Response.Engine;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Server.Tests.Response;

/// <summary>The response engine every test server runs: one playbook on detector rule:respond, a small policy.</summary>
internal static class TestResponse
{
    public const string Playbooks = """
        name: contain
        enabled: true
        trigger:
          detectors: ["rule:respond"]
        steps:
          - id: notify
            action: notify
            target: ${alert.id}
          - id: isolate
            action: isolate_host
            target: ${alert.host}
            undo: release_host
        """;

    public const string Policy = """
        mode: enforce
        rules:
          - id: low-risk
            actions: [enrich, notify, open_ticket]
            decision: autonomous
          - id: clinical-two-person
            actions: "*"
            asset_tags: [clinical]
            decision: approval
            role: approver
            approvers: 2
            expires_after: 30m
          - id: workstations
            actions: [isolate_host]
            asset_tags: [workstation]
            min_confidence: 0.9
            decision: autonomous
        default:
          decision: approval
          role: analyst
          expires_after: 4h
        """;

    public static (ResponseEngine Engine, ResponseAuditLog Audit) Create(string folder, RecordingExecutor executor)
    {
        var playbooks = PlaybookLoader.Parse(Playbooks, "playbooks/contain.yaml");
        playbooks.Errors.ShouldBeEmpty();
        var policy = DecisionRightsLoader.Parse(Policy, "policy/decision-rights.yaml");
        policy.Errors.ShouldBeEmpty();
        var audit = ResponseAuditLog.Open(Path.Combine(folder, "audit.db"), TimeProvider.System);
        return (new ResponseEngine(policy.Policy!, playbooks.Playbooks, audit, executor, executor, executor, TimeProvider.System), audit);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Audit;
using Vigil.Response.Engine;
using Vigil.Response.Integrations;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;
using Vigil.Response.Tests.Integrations;
using Vigil.Response.Tests.Playbooks;

namespace Vigil.Response.Tests.Engine;

/// <summary>An engine wired to a real loopback EDR server and a real loopback on-call/ticket server, with a temp audit log.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string Playbooks = """
        playbooks:
          - name: contain
            description: isolate the host, then notify
            enabled: true
            trigger:
              detectors: ["rule:*"]
            steps:
              - id: isolate
                action: isolate_host
                target: ${alert.host}
                undo: release_host
                with:
                  reason: test
        """;

    public const string Policy = """
        mode: enforce
        rules:
          - {id: clinical-two-person, actions: "*", asset_tags: [clinical], decision: approval, role: approver, approvers: 2, expires_after: 30m}
          - {id: weak-signal, actions: "*", max_confidence: 0.5, decision: forbidden}
        default: {decision: autonomous}
        """;

    private readonly string _dir;
    private readonly List<IDisposable> _owned = [];

    private EngineHarness(string dir, FaultyServer edr, FaultyServer ops)
    {
        _dir = dir;
        Edr = edr;
        Ops = ops;
    }

    public FaultyServer Edr { get; }

    public FaultyServer Ops { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));

    public ResponseAuditLog Audit { get; private set; } = null!;

    public ResponseEngine Engine { get; private set; } = null!;

    public static async Task<EngineHarness> StartAsync(
        string policy = Policy, int edrRetries = 1, CircuitBreakerSettings? breaker = null, IActionExecutor? executor = null)
    {
        var edr = await FaultyServer.StartAsync();
        var ops = await FaultyServer.StartAsync();
        var harness = new EngineHarness(RamTempDirectory.Create("vigil-engine-"), edr, ops);
        harness.Build(policy, edrRetries, breaker, executor);
        return harness;
    }

    public static ResponseAlert Alert(string id, string[]? tags = null, double confidence = 0.95)
        => TestAlerts.Alert(confidence: confidence, tags: tags) with { Id = id };

    /// <summary>The kinds of the audit records about one subject, in order.</summary>
    public string[] KindsFor(string subject) =>
        [.. Audit.Read(0, 10_000).Where(r => r.Subject == subject).Select(r => AuditKindNames.ToName(r.Kind))];

    /// <summary>The audit bodies of one kind about one subject.</summary>
    public JsonElement[] BodiesFor(string subject, AuditKind kind) =>
        [.. Audit.Read(0, 10_000).Where(r => r.Subject == subject && r.Kind == kind).Select(r => JsonDocument.Parse(r.Body).RootElement)];

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await Edr.DisposeAsync();
        await Ops.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private void Build(string policy, int edrRetries, CircuitBreakerSettings? breaker, IActionExecutor? executor)
    {
        var playbooks = PlaybookLoader.Parse(Playbooks, "p.yaml");
        playbooks.Errors.ShouldBeEmpty();
        var rights = DecisionRightsLoader.Parse(policy, "d.yaml");
        rights.Errors.ShouldBeEmpty();
        Audit = ResponseAuditLog.Open(Path.Combine(_dir, "audit.db"), Time);
        var edrClient = new ConnectorClient(Options("edr", Edr.BaseUrl, edrRetries, breaker), TimeProvider.System);
        var opsClient = new ConnectorClient(Options("ops", Ops.BaseUrl, 0, null), TimeProvider.System);
        _owned.AddRange([Audit, edrClient, opsClient]);
        Engine = new ResponseEngine(rights.Policy!, playbooks.Playbooks, Audit,
            executor ?? new WebhookActionExecutor(new WebhookConnector(edrClient, "actions")),
            new WebhookEscalationTarget(new WebhookConnector(opsClient, "page")),
            new WebhookTicketOpener(new WebhookConnector(opsClient, "ticket")),
            Time);
    }

    private static ConnectorOptions Options(string name, Uri baseUrl, int retries, CircuitBreakerSettings? breaker) => new()
    {
        Name = name,
        BaseUrl = baseUrl,
        MaxRetries = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        Timeout = TimeSpan.FromSeconds(3),
        CircuitBreaker = breaker ?? new CircuitBreakerSettings(),
    };
}

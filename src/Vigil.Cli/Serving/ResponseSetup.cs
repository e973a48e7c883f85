using Vigil.Response;
using Vigil.Response.Audit;
using Vigil.Response.Engine;
using Vigil.Response.Integrations;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Cli.Serving;

/// <summary>
/// Builds the response engine of <c>vigil serve</c> from the workspace's playbooks and decision rights. Actions go to
/// <c>--action-webhook</c> (an EDR, firewall or IdP bridge; bearer token from <c>VIGIL_ACTION_WEBHOOK_TOKEN</c>, never a
/// command-line argument); without it the policy runs in shadow mode: every decision is audited, nothing is executed.
/// Escalations and automation-failure tickets go to <c>--escalation-webhook</c>; without it they are written to the
/// console (and the failure is audited).
/// </summary>
internal static class ResponseSetup
{
    /// <summary>The environment variable holding the action webhook's bearer token.</summary>
    public const string TokenVariable = "VIGIL_ACTION_WEBHOOK_TOKEN";

    /// <summary>Builds the engine, or returns null when the workspace has no playbooks or no usable decision rights.</summary>
    /// <param name="workspace">The workspace folder.</param>
    /// <param name="auditPath">The audit log file.</param>
    /// <param name="actionWebhook">Where actions are sent, or null for shadow mode.</param>
    /// <param name="escalationWebhook">Where escalations and tickets go, or null for the console.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="note">Where notes go.</param>
    /// <returns>The engine and its audit log, or null.</returns>
    public static (ResponseEngine Engine, ResponseAuditLog Audit)? Build(
        string workspace, string auditPath, Uri? actionWebhook, Uri? escalationWebhook, TextWriter error, Action<string> note)
    {
        var playbooksPath = Path.Combine(workspace, ResponseConstants.PlaybooksFolder);
        var policyPath = Path.Combine(workspace, ResponseConstants.PolicyFolder, Commands.PolicyCommand.DecisionRightsFile);
        if (!Directory.Exists(playbooksPath) || !File.Exists(policyPath))
        {
            note("response: no playbooks/ or policy/decision-rights.yaml in the workspace; no automated response");
            return null;
        }

        var playbooks = PlaybookLoader.LoadDirectory(playbooksPath);
        var policy = DecisionRightsLoader.Load(policyPath);
        foreach (var problem in playbooks.Errors.Concat(policy.Errors))
        {
            error.WriteLine("vigil: response error: " + problem);
        }

        if (policy.Policy is null || playbooks.Playbooks.Count == 0)
        {
            note("response: no usable decision rights or playbooks; no automated response");
            return null;
        }

        var decisions = policy.Policy;
        IActionExecutor executor;
        if (actionWebhook is null)
        {
            decisions = decisions with { Mode = PolicyMode.Shadow };
            executor = new ConsoleTarget(error);
            note("response: no --action-webhook, so the policy runs in shadow mode: decisions are audited, nothing is executed");
        }
        else
        {
            var token = Environment.GetEnvironmentVariable(TokenVariable);
            executor = new WebhookActionExecutor(Webhook("actions", actionWebhook,
                string.IsNullOrEmpty(token) ? ConnectorAuthentication.None : ConnectorAuthentication.Bearer(token)));
        }

        IEscalationTarget escalation;
        ITicketOpener tickets;
        if (escalationWebhook is null)
        {
            escalation = new ConsoleTarget(error);
            tickets = (ConsoleTarget)escalation;
        }
        else
        {
            var connector = Webhook("escalation", escalationWebhook, ConnectorAuthentication.None);
            escalation = new WebhookEscalationTarget(connector);
            tickets = new WebhookTicketOpener(connector);
        }

        var audit = ResponseAuditLog.Open(auditPath, TimeProvider.System);
        note($"response: {playbooks.Playbooks.Count} playbooks, {decisions.Rules.Count} decision rules, mode {decisions.Mode.ToString().ToLowerInvariant()}; audit log {auditPath}");
        return (new ResponseEngine(decisions, playbooks.Playbooks, audit, executor, escalation, tickets, TimeProvider.System), audit);
    }

    private static WebhookConnector Webhook(string name, Uri url, ConnectorAuthentication authentication)
    {
        var options = new ConnectorOptions { Name = name, BaseUrl = url, Authentication = authentication };
        options.ThrowIfInvalid();
        return new WebhookConnector(new ConnectorClient(options, TimeProvider.System));
    }

    /// <summary>Writes escalations to the console when no escalation webhook is configured (and reports them as not delivered).</summary>
    private sealed class ConsoleTarget(TextWriter error) : IActionExecutor, IEscalationTarget, ITicketOpener
    {
        public Task<ActionResult> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
            => Task.FromResult(new ActionResult(false, null, 0, "no --action-webhook is configured", TimeSpan.Zero));

        public Task<ActionResult> NotifyAsync(EscalationNotice notice, CancellationToken cancellationToken)
        {
            error.WriteLine($"vigil: ESCALATION: action {notice.ActionId} for alert {notice.AlertId} ({notice.Playbook}) failed and needs a human");
            return Task.FromResult(new ActionResult(false, null, 0, "no --escalation-webhook is configured; written to the console", TimeSpan.Zero));
        }

        public Task<ActionResult> OpenAsync(EscalationNotice notice, CancellationToken cancellationToken)
            => Task.FromResult(new ActionResult(false, null, 0, "no --escalation-webhook is configured: no ticket", TimeSpan.Zero));
    }
}

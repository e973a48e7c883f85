using Vigil.Response.Integrations;

namespace Vigil.Response.Engine;

/// <summary>Opens an "automation failure" ticket by posting to a webhook; keyed <c>&lt;action id&gt;:ticket:&lt;reason hash&gt;</c>.</summary>
internal sealed class WebhookTicketOpener : ITicketOpener
{
    /// <summary>The ticket title prefix.</summary>
    public const string Title = "automation failure";

    private readonly WebhookConnector _connector;

    /// <summary>Creates the opener.</summary>
    /// <param name="connector">The connector to post through.</param>
    public WebhookTicketOpener(WebhookConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
    }

    /// <inheritdoc />
    public Task<ActionResult> OpenAsync(EscalationNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var payload = EscalationPayload.Create("ticket", $"{Title}: {notice.Playbook}/{notice.StepId} on {notice.Target}", notice);
        return _connector.PostAsync(notice.ActionId + ":ticket:" + ActionIds.Short(notice.Reason), payload, cancellationToken);
    }
}

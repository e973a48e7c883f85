using Vigil.Response.Integrations;

namespace Vigil.Response.Engine;

/// <summary>Notifies on-call by posting to a webhook (a paging service or chat hook); keyed <c>&lt;action id&gt;:page:&lt;reason hash&gt;</c>.</summary>
internal sealed class WebhookEscalationTarget : IEscalationTarget
{
    private readonly WebhookConnector _connector;

    /// <summary>Creates the target.</summary>
    /// <param name="connector">The connector to post through.</param>
    public WebhookEscalationTarget(WebhookConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
    }

    /// <inheritdoc />
    public Task<ActionResult> NotifyAsync(EscalationNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var payload = EscalationPayload.Create("on_call", $"response action {notice.ActionId} needs a human", notice);
        return _connector.PostAsync(notice.ActionId + ":page:" + ActionIds.Short(notice.Reason), payload, cancellationToken);
    }
}

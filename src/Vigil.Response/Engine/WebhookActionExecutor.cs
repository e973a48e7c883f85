using System.Text.Json.Nodes;
using Vigil.Response.Integrations;
using Vigil.Response.Playbooks;

namespace Vigil.Response.Engine;

/// <summary>
/// Executes actions by posting <c>{action, target, alert, parameters, idempotency_key}</c> to a webhook connector: a generic
/// stand-in for an EDR, firewall or identity provider. The idempotency key is also sent as the <c>Idempotency-Key</c> header.
/// </summary>
internal sealed class WebhookActionExecutor : IActionExecutor
{
    private readonly WebhookConnector _connector;

    /// <summary>Creates the executor.</summary>
    /// <param name="connector">The connector to post through.</param>
    public WebhookActionExecutor(WebhookConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
    }

    /// <inheritdoc />
    public Task<ActionResult> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new JsonObject();
        foreach (var (key, value) in request.Parameters)
        {
            parameters[key] = value;
        }

        var payload = new JsonObject
        {
            ["action"] = ResponseActions.Name(request.Action),
            ["target"] = request.Target,
            ["alert"] = AlertJson(request.Alert),
            ["parameters"] = parameters,
            ["idempotency_key"] = request.IdempotencyKey,
        };
        return _connector.PostAsync(request.IdempotencyKey, payload, cancellationToken);
    }

    /// <summary>The alert fields a receiver needs.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject AlertJson(ResponseAlert alert) => new()
    {
        ["id"] = alert.Id,
        ["detector"] = alert.Detector,
        ["severity"] = alert.Severity.ToString().ToLowerInvariant(),
        ["confidence"] = alert.Confidence,
        ["host"] = alert.Host,
        ["user"] = alert.User,
        ["src_ip"] = alert.SrcIp,
    };
}

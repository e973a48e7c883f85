using System.Text.Json.Nodes;

namespace Vigil.Response.Integrations;

/// <summary>
/// The generic webhook: POSTs a JSON payload to the connector's base URL (or a path under it). Chat
/// (<see cref="SlackMessage"/>, <see cref="TeamsMessage"/>) and ticketing build on it. Remote failures come back as a
/// failed <see cref="ActionResult"/>; only programming errors (null arguments) and caller cancellation throw.
/// </summary>
internal sealed class WebhookConnector
{
    private readonly ConnectorClient _client;
    private readonly string _path;

    /// <summary>Creates the connector.</summary>
    /// <param name="client">The client to send through.</param>
    /// <param name="path">The path under the base URL; empty to post to the base URL itself.</param>
    public WebhookConnector(ConnectorClient client, string path = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(path);
        _client = client;
        _path = path;
    }

    /// <summary>Posts a payload.</summary>
    /// <param name="actionId">The response action's id, sent as the idempotency key on every attempt.</param>
    /// <param name="payload">The JSON payload.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>The outcome.</returns>
    public async Task<ActionResult> PostAsync(string actionId, JsonNode payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ArgumentNullException.ThrowIfNull(payload);
        var response = await _client.SendAsync(HttpMethod.Post, _path, payload.ToJsonString(), actionId, cancellationToken).ConfigureAwait(false);
        return new ActionResult(response.Succeeded, response.StatusCode is { } status ? (int)status : null, response.Attempts, response.Error, response.Duration);
    }
}

using Vigil.Response.Integrations;

namespace Vigil.Response.Engine;

/// <summary>Carries out one response action on a real system (EDR, firewall, identity provider).</summary>
internal interface IActionExecutor
{
    /// <summary>Executes an action. Remote failures come back as a failed result; only cancellation and programming errors throw.</summary>
    /// <param name="request">The action, its target and its idempotency key.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>The outcome, after the connector's own retries.</returns>
    Task<ActionResult> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken);
}

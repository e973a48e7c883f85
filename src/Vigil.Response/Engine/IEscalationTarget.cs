using Vigil.Response.Integrations;

namespace Vigil.Response.Engine;

/// <summary>Notifies the people on call.</summary>
internal interface IEscalationTarget
{
    /// <summary>Sends a notice. Remote failures come back as a failed result.</summary>
    /// <param name="notice">What to tell them.</param>
    /// <param name="cancellationToken">Cancels the notice.</param>
    /// <returns>The outcome.</returns>
    Task<ActionResult> NotifyAsync(EscalationNotice notice, CancellationToken cancellationToken);
}

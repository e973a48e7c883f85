using Vigil.Response.Integrations;

namespace Vigil.Response.Engine;

/// <summary>Opens an "automation failure" ticket.</summary>
internal interface ITicketOpener
{
    /// <summary>Opens a ticket. Remote failures come back as a failed result.</summary>
    /// <param name="notice">What failed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    Task<ActionResult> OpenAsync(EscalationNotice notice, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using Vigil.Response.Engine;
using Vigil.Response.Integrations;

namespace Vigil.Server.Tests.Response;

/// <summary>
/// Stands in for the EDR, on-call and ticketing connectors in server tests (the connectors themselves are tested against
/// faulty loopback servers in Vigil.Response.Tests): records what it was asked to do and succeeds.
/// </summary>
internal sealed class RecordingExecutor : IActionExecutor, IEscalationTarget, ITicketOpener
{
    public ConcurrentQueue<ActionRequest> Executed { get; } = new();

    public ConcurrentQueue<EscalationNotice> Escalated { get; } = new();

    public Task<ActionResult> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        Executed.Enqueue(request);
        return Task.FromResult(new ActionResult(true, 200, 1, null, TimeSpan.Zero));
    }

    public Task<ActionResult> NotifyAsync(EscalationNotice notice, CancellationToken cancellationToken)
    {
        Escalated.Enqueue(notice);
        return Task.FromResult(new ActionResult(true, 200, 1, null, TimeSpan.Zero));
    }

    public Task<ActionResult> OpenAsync(EscalationNotice notice, CancellationToken cancellationToken)
        => Task.FromResult(new ActionResult(true, 200, 1, null, TimeSpan.Zero));
}

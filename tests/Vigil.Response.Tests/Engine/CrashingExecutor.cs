using Vigil.Response.Engine;
using Vigil.Response.Integrations;

namespace Vigil.Response.Tests.Engine;

/// <summary>An executor with a bug: it always throws.</summary>
internal sealed class CrashingExecutor : IActionExecutor
{
    public Task<ActionResult> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken) =>
        throw new ArgumentException("bug in the executor", nameof(request));
}

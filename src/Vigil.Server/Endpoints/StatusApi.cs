using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Server.Ingest;
using Vigil.Server.Pipeline;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Endpoints;

/// <summary>Liveness (anonymous) and status (what runs, how far detection is).</summary>
internal static class StatusApi
{
    /// <summary>Maps the status endpoints.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithName("Health").WithTags("Status").AllowAnonymous().WithSummary("Liveness: the process answers.");
        app.MapGet("/api/v1/status", Status).WithName("GetStatus").WithTags("Status").RequireRole(Roles.Viewer)
            .WithSummary("What runs and where detection stands: journal, backlog, queue.");
        return app;
    }

    private static Ok<ServerStatus> Status(ServerStore store, IngestQueue queue, IDetectionPipeline pipeline)
    {
        var figures = store.JournalFigures();
        return TypedResults.Ok(new ServerStatus(
            pipeline.Description, figures.LastSequence, store.GetCursor(ServerStore.DetectionCursor), figures.PendingBatches, figures.PendingEvents,
            figures.TotalEvents, queue.QueuedBytes));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Response.Engine;
using Vigil.Response.Policy;
using Vigil.Server.Response;
using Vigil.Server.Security;

namespace Vigil.Server.Endpoints;

/// <summary>Response actions: the list, the approval queue, approve/deny/cancel/undo, and the automation kill switch.</summary>
internal static class ActionsApi
{
    /// <summary>Maps the action endpoints.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actions").WithTags("Response");
        group.MapGet("/", List).WithName("ListActions").RequireRole(Roles.Viewer).WithSummary("Response actions (?pending=true: the approval queue).");
        group.MapPost("/{id}/approve", ApproveAsync).WithName("ApproveAction").RequireRole(Roles.Analyst)
            .WithSummary("Approve a pending action; the policy names the role and how many distinct approvers it needs.");
        group.MapPost("/{id}/deny", Deny).WithName("DenyAction").RequireRole(Roles.Analyst).WithSummary("Deny a pending action, with a reason.");
        group.MapPost("/{id}/cancel", Cancel).WithName("CancelAction").RequireRole(Roles.Approver).WithSummary("Cancel a pending action (manual override).");
        group.MapPost("/{id}/undo", UndoAsync).WithName("UndoAction").RequireRole(Roles.Approver).WithSummary("Undo an executed reversible action (manual override).");
        var automation = app.MapGroup("/api/v1/automation").WithTags("Response");
        automation.MapPost("/pause", Pause).WithName("PauseAutomation").RequireRole(Roles.Approver)
            .WithSummary("Kill switch: from now on every autonomous action waits for approval.");
        automation.MapPost("/resume", Resume).WithName("ResumeAutomation").RequireRole(Roles.Approver).WithSummary("Lift the kill switch.");
        return app;
    }

    private static Ok<ActionList> List(ResponseWorker worker, bool? pending)
        => TypedResults.Ok(new ActionList(worker.Engine.IsPaused, [.. (pending == true ? worker.Engine.PendingApprovals() : worker.Engine.Actions()).Select(ActionView.Of)]));

    private static async Task<Results<Ok<ActionView>, ProblemHttpResult>> ApproveAsync(ResponseWorker worker, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
        => Answer(await worker.Engine.ApproveAsync(id, Actor.Of(user), RoleOf(user), cancellationToken), id);

    private static Results<Ok<ActionView>, ProblemHttpResult, ValidationProblem> Deny(ResponseWorker worker, ClaimsPrincipal user, string id, ActionReason body)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 2000)
        {
            return Problems.Invalid("reason", "a reason of 1 to 2,000 characters is required");
        }

        var result = worker.Engine.Deny(id, Actor.Of(user), RoleOf(user), body.Reason);
        return result.Accepted && result.Record is { } record ? TypedResults.Ok(ActionView.Of(record)) : Refusal(result, id);
    }

    private static Results<Ok<ActionView>, ProblemHttpResult> Cancel(ResponseWorker worker, ClaimsPrincipal user, string id)
        => Answer(worker.Engine.Cancel(id, Actor.Of(user)), id);

    private static async Task<Results<Ok<ActionView>, ProblemHttpResult>> UndoAsync(ResponseWorker worker, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
        => Answer(await worker.Engine.UndoAsync(id, Actor.Of(user), cancellationToken), id);

    private static Ok<ActionList> Pause(ResponseWorker worker, ClaimsPrincipal user, ActionReason body)
    {
        worker.Engine.PauseAll(Actor.Of(user), string.IsNullOrWhiteSpace(body.Reason) ? "paused through the API" : body.Reason);
        return List(worker, pending: true);
    }

    private static Ok<ActionList> Resume(ResponseWorker worker, ClaimsPrincipal user)
    {
        worker.Engine.Resume(Actor.Of(user));
        return List(worker, pending: true);
    }

    private static Results<Ok<ActionView>, ProblemHttpResult> Answer(CommandResult result, string id)
        => result.Accepted && result.Record is { } record ? TypedResults.Ok(ActionView.Of(record)) : Refusal(result, id);

    private static ProblemHttpResult Refusal(CommandResult result, string id)
        => result.Record is null
            ? Problems.NotFound($"action '{id}'")
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: result.Error);

    private static ApproverRole RoleOf(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value switch
    {
        Roles.Admin => ApproverRole.Admin,
        Roles.Approver => ApproverRole.Approver,
        _ => ApproverRole.Analyst,
    };
}

using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Server.Feedback;
using Vigil.Server.Security;
using Vigil.Server.Storage;

namespace Vigil.Server.Endpoints;

/// <summary>Analyst feedback: verdicts, missed threats, precision, suppression proposals and the triage model.</summary>
internal static partial class FeedbackApi
{
    private const int MaxEvents = 1000;
    private const int MaxEventLength = 500;
    private const int MaxTechniques = 50;
    private const int MinExpiryDays = 1;
    private const int MaxExpiryDays = 365;
    private static readonly string[] SuppressionStatuses = ["proposed", "active", "expired", "rejected", "revoked"];

    /// <summary>Maps the feedback endpoints.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Feedback");
        api.MapPost("/alerts/{id}/verdict", AlertVerdict).WithName("SetAlertVerdict").RequireRole(Roles.Analyst)
            .WithSummary("Give an alert a verdict with a comment; the latest verdict on an alert counts (audited).");
        api.MapPost("/incidents/{id}/verdict", IncidentVerdict).WithName("SetIncidentVerdict").RequireRole(Roles.Analyst)
            .WithSummary("Give an incident a verdict; it also counts as the verdict of each of its alerts (audited).");
        api.MapGet("/alerts/{id}/verdicts", AlertVerdicts).WithName("ListAlertVerdicts").RequireRole(Roles.Viewer)
            .WithSummary("The verdicts on an alert, newest first.");
        api.MapPost("/missed", ReportMissed).WithName("ReportMissedThreat").RequireRole(Roles.Analyst)
            .WithSummary("Report a threat no detector alerted on: event references and/or a time range, ATT&CK techniques, a comment (audited).");
        api.MapGet("/missed", ListMissed).WithName("ListMissedThreats").RequireRole(Roles.Viewer).WithSummary("Missed-threat reports, newest first.");
        api.MapGet("/quality/precision", (ServerStore store) => TypedResults.Ok(store.Precision())).WithName("GetPrecision").RequireRole(Roles.Viewer)
            .WithSummary("Precision per rule and model: TP / (TP + FP) by the latest verdicts, with benign positives and undetermined apart.");

        var suppressions = app.MapGroup("/api/v1/suppressions").WithTags("Feedback");
        suppressions.MapPost("/proposals", Propose).WithName("ProposeSuppressions").RequireRole(Roles.Analyst)
            .WithSummary("Derive suppression proposals from false-positive verdicts, each with an impact preview on stored alerts (audited).");
        suppressions.MapGet("/", ListSuppressions).WithName("ListSuppressions").RequireRole(Roles.Viewer)
            .WithSummary("Suppressions, newest first, optionally by status.");
        suppressions.MapPost("/{id}/accept", Accept).WithName("AcceptSuppression").RequireRole(Roles.Approver)
            .WithSummary("Accept a proposal: matching new alerts are stored as suppressed until it expires (default 30 days; audited).");
        suppressions.MapPost("/{id}/reject", Reject).WithName("RejectSuppression").RequireRole(Roles.Approver).WithSummary("Reject a proposal (audited).");
        suppressions.MapDelete("/{id}", Revoke).WithName("RevokeSuppression").RequireRole(Roles.Approver).WithSummary("Revoke an active suppression (audited).");

        var triage = app.MapGroup("/api/v1/triage").WithTags("Feedback");
        triage.MapPost("/train", Train).WithName("TrainTriageModel").RequireRole(Roles.Analyst)
            .WithSummary("Train a triage model on the verdicts; it is promoted only when it beats the active one on the same held-out verdicts.");
        triage.MapGet("/models", (ServerStore store) => TypedResults.Ok(store.ListTriageModels())).WithName("ListTriageModels").RequireRole(Roles.Viewer)
            .WithSummary("Every triage model trained, with its held-out score, the active model's score then, and whether it was promoted.");
        return app;
    }

    private static Results<Ok<VerdictView>, ValidationProblem, ProblemHttpResult> AlertVerdict(
        ServerStore store, ClaimsPrincipal user, string id, VerdictRequest request)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        return store.RecordAlertVerdict(id, request.Verdict!, Comment(request.Comment), Actor.Of(user)) is { } verdict
            ? TypedResults.Ok(verdict)
            : Problems.NotFound($"alert '{id}'");
    }

    private static Results<Ok<IncidentVerdictView>, ValidationProblem, ProblemHttpResult> IncidentVerdict(
        ServerStore store, ClaimsPrincipal user, string id, VerdictRequest request)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        return store.RecordIncidentVerdict(id, request.Verdict!, Comment(request.Comment), Actor.Of(user)) is { } verdict
            ? TypedResults.Ok(verdict)
            : Problems.NotFound($"incident '{id}'");
    }

    private static Results<Ok<IReadOnlyList<VerdictView>>, ProblemHttpResult> AlertVerdicts(ServerStore store, string id)
        => store.ListAlertVerdicts(id) is { } verdicts ? TypedResults.Ok(verdicts) : Problems.NotFound($"alert '{id}'");

    private static Results<Created<MissedReportView>, ValidationProblem> ReportMissed(ServerStore store, ClaimsPrincipal user, MissedReportRequest request)
    {
        var events = request.Events ?? [];
        var techniques = (request.Techniques ?? []).Select(t => t?.Trim().ToUpperInvariant() ?? string.Empty).ToList();
        if (events.Count > MaxEvents)
        {
            return Problems.Invalid("events", $"at most {MaxEvents} event references, not {events.Count}");
        }

        if (events.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > MaxEventLength))
        {
            return Problems.Invalid("events", $"each event reference must have 1 to {MaxEventLength} characters");
        }

        if (request.From is null != request.To is null)
        {
            return Problems.Invalid(request.From is null ? "from" : "to", "a time range needs both from and to");
        }

        if (request.From is { } from && request.To is { } to && from >= to)
        {
            return Problems.Invalid("to", "must be after from");
        }

        if (events.Count == 0 && request.From is null)
        {
            return Problems.Invalid("events", "give event references, a from/to time range, or both");
        }

        if (techniques.Count > MaxTechniques)
        {
            return Problems.Invalid("techniques", $"at most {MaxTechniques} techniques");
        }

        if (techniques.Find(t => !TechniquePattern().IsMatch(t)) is { } bad)
        {
            return Problems.Invalid("techniques", $"'{bad}' is not an ATT&CK technique id (T1234 or T1234.001)");
        }

        if (request.Comment is { Length: > VerdictNames.MaxCommentLength })
        {
            return Problems.Invalid("comment", $"at most {VerdictNames.MaxCommentLength} characters");
        }

        var report = store.RecordMissed(request.From, request.To, [.. events.Select(e => e.Trim())], techniques, Comment(request.Comment), Actor.Of(user));
        return TypedResults.Created($"/api/v1/missed/{report.Id}", report);
    }

    private static Results<Ok<IReadOnlyList<MissedReportView>>, ValidationProblem> ListMissed(ServerStore store, int? limit)
        => limit is < 1 or > 1000 ? Problems.Invalid("limit", "must be between 1 and 1000") : TypedResults.Ok(store.ListMissed(limit ?? 100));

    private static Ok<IReadOnlyList<SuppressionView>> Propose(ServerStore store, ClaimsPrincipal user)
        => TypedResults.Ok(store.ProposeSuppressions(Actor.Of(user)));

    private static Results<Ok<IReadOnlyList<SuppressionView>>, ValidationProblem> ListSuppressions(ServerStore store, string? status)
        => status is not null && !SuppressionStatuses.Contains(status, StringComparer.Ordinal)
            ? Problems.Invalid("status", $"'{status}' is not a suppression status ({string.Join(", ", SuppressionStatuses)})")
            : TypedResults.Ok(store.ListSuppressions(status));

    private static Results<Ok<SuppressionView>, ValidationProblem, ProblemHttpResult> Accept(
        ServerStore store, ClaimsPrincipal user, string id, SuppressionAcceptRequest? request)
    {
        if (request?.ExpiryDays is < MinExpiryDays or > MaxExpiryDays)
        {
            return Problems.Invalid("expiryDays", $"must be between {MinExpiryDays} and {MaxExpiryDays}");
        }

        var expiry = request?.ExpiryDays is { } days ? TimeSpan.FromDays(days) : ServerStore.DefaultSuppressionExpiry;
        return Outcome(store.AcceptSuppression(id, expiry, Actor.Of(user)), id);
    }

    private static Results<Ok<SuppressionView>, ValidationProblem, ProblemHttpResult> Reject(ServerStore store, ClaimsPrincipal user, string id)
        => Outcome(store.RejectSuppression(id, Actor.Of(user)), id);

    private static Results<Ok<SuppressionView>, ValidationProblem, ProblemHttpResult> Revoke(ServerStore store, ClaimsPrincipal user, string id)
        => Outcome(store.RevokeSuppression(id, Actor.Of(user)), id);

    private static async Task<Results<Ok<TriageModelView>, ProblemHttpResult>> Train(TriageTrainer trainer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await trainer.TrainAsync(Actor.Of(user), cancellationToken);
        return result.Model is { } model ? TypedResults.Ok(model) : Conflict("No triage model was trained", result.Refusal!);
    }

    private static Results<Ok<SuppressionView>, ValidationProblem, ProblemHttpResult> Outcome(SuppressionChange change, string id)
    {
        if (change.IsNotFound)
        {
            return Problems.NotFound($"suppression '{id}'");
        }

        return change.Suppression is { } suppression ? TypedResults.Ok(suppression) : Conflict("The suppression is not in that state", change.Conflict!);
    }

    private static ValidationProblem? Validate(VerdictRequest request)
    {
        if (!VerdictNames.IsVerdict(request.Verdict))
        {
            return Problems.Invalid("verdict", $"'{request.Verdict}' is not a verdict ({string.Join(", ", VerdictNames.All)})");
        }

        return request.Comment is { Length: > VerdictNames.MaxCommentLength }
            ? Problems.Invalid("comment", $"at most {VerdictNames.MaxCommentLength} characters")
            : null;
    }

    private static string? Comment(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();

    private static ProblemHttpResult Conflict(string title, string detail) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TechniquePattern();
}

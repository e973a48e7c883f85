using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Ingest.Sources;
using Vigil.Server.Hosting;
using Vigil.Server.Ingest;
using Vigil.Server.Security;

namespace Vigil.Server.Endpoints;

/// <summary>HTTP ingest: NDJSON (or any format Vigil reads) and a Splunk-HEC-compatible endpoint. Answers only once durable.</summary>
internal static class IngestApi
{
    /// <summary>Maps the ingest endpoints.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", PostEventsAsync)
            .WithName("IngestEvents").WithTags("Ingest").RequireRole(Roles.Ingest)
            .WithSummary("Send events (NDJSON by default; ?format= any format vigil hunt reads). 202 once durably journaled; Idempotency-Key makes retries safe.")
            .WithDescription("The body is read as bytes whatever its Content-Type (application/x-ndjson, text/plain...): log shippers label it inconsistently.");
        var hec = app.MapGroup("/services/collector").WithTags("Splunk HEC");
        hec.MapPost("/event", HecEventAsync).WithName("HecEvent").RequireRole(Roles.Ingest)
            .WithSummary("Splunk HEC JSON events (token: 'Authorization: Splunk <key>').");
        hec.MapPost("/", HecEventAsync).WithName("HecEventDefault").RequireRole(Roles.Ingest)
            .WithSummary("Splunk HEC JSON events (alias of /services/collector/event).");
        hec.MapPost("/raw", HecRawAsync).WithName("HecRaw").RequireRole(Roles.Ingest)
            .WithSummary("Splunk HEC raw lines (?sourcetype= or ?format= names the format; auto-detected otherwise).");
        hec.MapGet("/health", () => TypedResults.Text(HecPayload.Answer(17, "HEC is healthy"), "application/json"))
            .WithName("HecHealth").AllowAnonymous().WithSummary("Splunk HEC health check.");
        return app;
    }

    private static async Task<Results<Accepted<IngestAccepted>, ValidationProblem, ProblemHttpResult>> PostEventsAsync(
        HttpRequest request, IngestService ingest, ServerOptions options, string? format, string? source, CancellationToken cancellationToken)
    {
        format ??= "ndjson";
        source ??= "http";
        if (!EventFileFormats.TryParse(format, out _))
        {
            return Problems.Invalid("format", $"'{format}' is not a format; use one of {string.Join(", ", EventFileFormats.AllNames)}");
        }

        if (CheckSource(source) is { } bad)
        {
            return Problems.Invalid("source", bad);
        }

        if (IngestService.CheckKey(request) is { } badKey)
        {
            return Problems.Invalid("Idempotency-Key", badKey);
        }

        var body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
                detail: string.Create(CultureInfo.InvariantCulture, $"The body is larger than {options.MaxBodyBytes} bytes; split it into smaller batches."));
        }

        byte[] payload;
        int events;
        List<RejectedLine> rejected = [];
        var rejectedCount = 0;
        if (string.Equals(format, "ndjson", StringComparison.OrdinalIgnoreCase))
        {
            (payload, events, rejected, rejectedCount) = NdjsonValidator.Validate(body);
            if (events == 0)
            {
                return rejectedCount == 0
                    ? Problems.Invalid("body", "the body holds no event")
                    : TypedResults.ValidationProblem(
                        rejected.ToDictionary(r => "line " + r.Line.ToString(CultureInfo.InvariantCulture), r => new[] { r.Reason }, StringComparer.Ordinal),
                        title: "No line of the body is a JSON object");
            }
        }
        else
        {
            payload = body;
            events = HecPayload.CountLines(body);
            if (events == 0)
            {
                return Problems.Invalid("body", "the body holds no event");
            }
        }

        var (outcome, sequence, duplicate) = await ingest.SubmitAsync(request, request.HttpContext.User, source, format.ToLowerInvariant(), payload, events, cancellationToken);
        if (Refusal(outcome, request.HttpContext.Response) is { } refused)
        {
            return refused;
        }

        return TypedResults.Accepted((string?)null, new IngestAccepted(sequence, duplicate, events, rejectedCount, rejected));
    }

    private static async Task<IResult> HecEventAsync(HttpRequest request, IngestService ingest, ServerOptions options, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Hec(StatusCodes.Status413PayloadTooLarge, 27, "Request entity too large");
        }

        if (!HecPayload.TryConvert(body, out var ndjson, out var events, out var error))
        {
            return TypedResults.Text(
                $"{{\"text\":\"{error.Text}\",\"code\":{error.Code},\"invalid-event-number\":{error.Index}}}", "application/json", statusCode: StatusCodes.Status400BadRequest);
        }

        var (outcome, _, _) = await ingest.SubmitAsync(request, request.HttpContext.User, "hec", "ndjson", ndjson, events, cancellationToken);
        return outcome == IngestOutcome.Accepted ? Hec(StatusCodes.Status200OK, 0, "Success") : HecRefusal(outcome, request.HttpContext.Response);
    }

    private static async Task<IResult> HecRawAsync(
        HttpRequest request, IngestService ingest, ServerOptions options, string? sourcetype, string? format, CancellationToken cancellationToken)
    {
        var name = format ?? sourcetype switch
        {
            null => "auto",
            _ when sourcetype.Contains("syslog", StringComparison.OrdinalIgnoreCase) => "syslog",
            _ when sourcetype.Contains("cef", StringComparison.OrdinalIgnoreCase) => "cef",
            _ when sourcetype.Contains("leef", StringComparison.OrdinalIgnoreCase) => "leef",
            _ when sourcetype.Contains("json", StringComparison.OrdinalIgnoreCase) => "ndjson",
            _ => "auto",
        };
        if (!EventFileFormats.TryParse(name, out _))
        {
            return Hec(StatusCodes.Status400BadRequest, 6, "Invalid data format");
        }

        var body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Hec(StatusCodes.Status413PayloadTooLarge, 27, "Request entity too large");
        }

        var events = HecPayload.CountLines(body);
        if (events == 0)
        {
            return Hec(StatusCodes.Status400BadRequest, 5, "No data");
        }

        var (outcome, _, _) = await ingest.SubmitAsync(request, request.HttpContext.User, "hec-raw", name.ToLowerInvariant(), body, events, cancellationToken);
        return outcome == IngestOutcome.Accepted ? Hec(StatusCodes.Status200OK, 0, "Success") : HecRefusal(outcome, request.HttpContext.Response);
    }

    private static ProblemHttpResult? Refusal(IngestOutcome outcome, HttpResponse response)
    {
        switch (outcome)
        {
            case IngestOutcome.Busy:
                response.Headers.RetryAfter = "1";
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Ingest is busy",
                    detail: "Too many bytes are waiting to be written; retry after the Retry-After seconds.");
            case IngestOutcome.Backlog:
                response.Headers.RetryAfter = "5";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Detection is behind",
                    detail: "Too many events are waiting for detection; retry after the Retry-After seconds.");
            case IngestOutcome.Stopping:
                response.Headers.RetryAfter = "5";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down", detail: "The server is stopping; retry later.");
            default:
                return null;
        }
    }

    private static ContentHttpResult HecRefusal(IngestOutcome outcome, HttpResponse response)
    {
        response.Headers.RetryAfter = outcome == IngestOutcome.Busy ? "1" : "5";
        return outcome == IngestOutcome.Busy
            ? Hec(StatusCodes.Status429TooManyRequests, 9, "Server is busy")
            : Hec(StatusCodes.Status503ServiceUnavailable, 9, "Server is busy");
    }

    private static ContentHttpResult Hec(int status, int code, string text) => TypedResults.Text(HecPayload.Answer(code, text), "application/json", statusCode: status);

    private static string? CheckSource(string source)
        => source.Length is 0 or > 100 || source.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            ? $"'{source}' is not a source name: 1 to 100 letters, digits, '-', '_' or '.'"
            : null;
}

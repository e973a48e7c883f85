using System.Text;
using System.Text.Json;
using Vigil.Core.Alerts;
using Vigil.Server.Pipeline;

namespace Vigil.Server.Tests;

/// <summary>
/// A pipeline for the server's own mechanics (journal, cursor, incidents, roles): every NDJSON line with an "alert" field
/// raises one alert of that severity, on the "user" and "host" of the line, with an id stable per batch and line. The
/// real pipeline (rules, context, models) is tested through the vigil executable in Vigil.Cli.Tests.
/// </summary>
internal sealed class TestPipeline : IDetectionPipeline
{
    private long _processed;

    public string Description => "test pipeline";

    public long Processed => Interlocked.Read(ref _processed);

    public Func<JournalBatch, bool>? FailOn { get; set; }

    /// <summary>Gets a gate detection waits at (set by default); reset it to hold detection back.</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    public PipelineOutput Process(IReadOnlyList<JournalBatch> batches, CancellationToken cancellationToken)
    {
        Gate.Wait(cancellationToken);
        var alerts = new List<PipelineAlert>();
        var errors = new List<string>();
        long events = 0;
        foreach (var batch in batches)
        {
            if (FailOn?.Invoke(batch) == true)
            {
                throw new InvalidOperationException($"poison batch {batch.Sequence}");
            }

            var lines = Encoding.UTF8.GetString(batch.Payload.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < lines.Length; i++)
            {
                events++;
                JsonElement root;
                try
                {
                    root = JsonDocument.Parse(lines[i]).RootElement;
                }
                catch (JsonException ex)
                {
                    errors.Add($"{batch.SourceName}:{i + 1}: {ex.Message}");
                    continue;
                }

                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("alert", out var severity))
                {
                    alerts.Add(Alert(batch, i + 1, root, severity.GetString()!));
                }
            }
        }

        Interlocked.Add(ref _processed, events);
        return new PipelineOutput(alerts, events, errors);
    }

    public PipelineOutput Tick(CancellationToken cancellationToken) => PipelineOutput.Empty;

    public void Dispose() => Gate.Dispose();

    private static PipelineAlert Alert(JournalBatch batch, int line, JsonElement root, string severity)
    {
        var user = root.TryGetProperty("user", out var u) ? u.GetString() : null;
        var host = root.TryGetProperty("host", out var h) ? h.GetString() : null;
        var time = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String ? t.GetDateTimeOffset() : batch.ReceivedAt;
        var rule = root.TryGetProperty("rule", out var r) ? r.GetString()! : "test-rule";
        var tactic = root.TryGetProperty("tactic", out var ta) ? ta.GetString()! : "TA0001";
        var entities = new List<AlertEntity>();
        if (user is not null)
        {
            entities.Add(new AlertEntity("user", user, null, null, "finance", Privileged: root.TryGetProperty("privileged", out _)));
        }

        if (host is not null)
        {
            entities.Add(new AlertEntity("host", host, root.TryGetProperty("criticality", out var c) ? c.GetString() : null, "it-ops", "finance", false,
                root.TryGetProperty("tags", out var tags) ? [.. tags.EnumerateArray().Select(t => t.GetString()!)] : null));
        }

        var id = $"{batch.SourceName}:{line}".GetHashCode(StringComparison.Ordinal).ToString("x8") + batch.Sequence.ToString("x8") + line.ToString("x8");
        var stored = new StoredAlert(id, "rule:" + rule, "Test " + rule, severity, time, ["T1078"], [.. entities.Select(e => e.Name)], "{\"finding\":\"" + id + "\"}");
        var confidence = root.TryGetProperty("confidence", out var conf) ? conf.GetDouble() : 0.6;
        return new PipelineAlert(stored, [tactic], entities, confidence, "rule level " + severity, "{\"sourceRef\":\"" + id + "\"}");
    }
}

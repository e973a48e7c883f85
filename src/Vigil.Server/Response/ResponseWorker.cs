using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Response.Engine;
using Vigil.Response.Playbooks;
using Vigil.Server.Pipeline;

namespace Vigil.Server.Response;

/// <summary>
/// Hands each new alert to the response engine (playbooks under decision rights) off the detection thread, and expires
/// due approvals every 10 seconds. The queue is bounded: when the engine is slower than detection, detection waits
/// (backpressure reaches ingest) rather than alerts being dropped.
/// </summary>
internal sealed partial class ResponseWorker(ResponseEngine engine, ILogger<ResponseWorker> logger) : BackgroundService
{
    private const int Capacity = 10_000;

    private readonly Channel<ResponseAlert> _queue = Channel.CreateBounded<ResponseAlert>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Gets the engine.</summary>
    public ResponseEngine Engine => engine;

    /// <summary>Queues a new alert (waits when the queue is full).</summary>
    /// <param name="alert">The alert as the pipeline raised it.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public void Enqueue(PipelineAlert alert, CancellationToken cancellationToken)
    {
        var response = Map(alert);
        if (!_queue.Writer.TryWrite(response))
        {
            _queue.Writer.WriteAsync(response, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The response engine's view of an alert: its first host (with criticality and tags), user and address.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The response alert.</returns>
    internal static ResponseAlert Map(PipelineAlert alert)
    {
        var host = alert.Entities.FirstOrDefault(e => e.Kind == "host");
        var user = alert.Entities.FirstOrDefault(e => e.Kind == "user");
        var ip = alert.Entities.FirstOrDefault(e => e.Kind == "ip");
        var severity = Enum.TryParse<ResponseSeverity>(alert.Alert.Severity, ignoreCase: true, out var s) ? s : ResponseSeverity.Medium;
        AssetCriticality? criticality = host?.Criticality is { } c && Enum.TryParse<AssetCriticality>(c, ignoreCase: true, out var parsed) ? parsed : null;
        return new ResponseAlert(
            alert.Alert.Id, alert.Alert.Detector, severity, alert.Confidence, alert.Alert.Techniques, host?.Name, user?.Name, ip?.Name, criticality,
            host?.Tags ?? [], alert.Alert.Time);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var expiry = new PeriodicTimer(TimeSpan.FromSeconds(10));
        var expiring = Task.Run(async () =>
        {
            while (await expiry.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await engine.ExpireDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, "approval expiry");
                }
            }
        }, stoppingToken);
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await engine.HandleAsync(alert, inMaintenance: false, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The engine audits what it decided before acting; a failure here (the audit log itself failing) is
                    // logged with the alert so that an operator sees which alert got no response.
                    LogFailed(logger, ex, alert.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: alerts still queued get no response in this run; they are in the alert store.
        }

        try
        {
            await expiring;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The expiry loop ends with the server.
        }
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "Response handling failed for {Subject}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string subject);
}

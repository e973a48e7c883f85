using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Server.Hosting;

namespace Vigil.Server.Feedback;

/// <summary>Retrains the triage model every <see cref="ServerOptions.TriageRetrainInterval"/>; does nothing when that is null.</summary>
internal sealed partial class TriageRetrainer(TriageTrainer trainer, ServerOptions options, TimeProvider time, ILogger<TriageRetrainer> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.TriageRetrainInterval is not { } interval || interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await trainer.TrainAsync(TriageConstants.ScheduleActor, stoppingToken);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                LogFailed(logger, ex, interval);
            }
        }
    }

    [LoggerMessage(EventId = 4421, Level = LogLevel.Error, Message = "Scheduled triage retraining failed; it runs again in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan interval);
}

using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Integrations;

namespace Vigil.Response.Tests.Integrations;

public sealed class ConnectorHealthTrackerTests
{
    [Fact]
    public void Snapshot_ErrorRateAndLatency_CoverTheLastHundredAttempts()
    {
        var time = new FakeTimeProvider();
        var tracker = new ConnectorHealthTracker("x", time, () => ConnectorCircuitState.Closed);
        for (var i = 0; i < 100; i++)
        {
            tracker.RecordFailure(TimeSpan.FromMilliseconds(1000), "HTTP 503");
        }

        for (var i = 1; i <= 100; i++)
        {
            tracker.RecordSuccess(TimeSpan.FromMilliseconds(i));
        }

        tracker.RecordFailure(null, "circuit open: not sent");

        var health = tracker.Snapshot();
        health.Calls.ShouldBe(201);
        health.Failures.ShouldBe(101);
        health.ErrorRate.ShouldBe(0.01, 1e-9);
        health.MedianLatency.ShouldBe(TimeSpan.FromMilliseconds(50));
        health.P95Latency.ShouldBe(TimeSpan.FromMilliseconds(95));
        health.LastFailureReason.ShouldBe("circuit open: not sent");
        health.LastFailure.ShouldBe(time.GetUtcNow());
    }

    [Fact]
    public void Snapshot_NoAttempts_HasNoLatencyAndZeroErrorRate()
    {
        var health = new ConnectorHealthTracker("x", TimeProvider.System, () => ConnectorCircuitState.Open).Snapshot();

        health.ErrorRate.ShouldBe(0);
        health.MedianLatency.ShouldBeNull();
        health.Circuit.ShouldBe(ConnectorCircuitState.Open);
    }

    [Fact]
    public async Task Record_FromManyThreads_CountsEveryAttempt()
    {
        var tracker = new ConnectorHealthTracker("x", TimeProvider.System, () => ConnectorCircuitState.Closed);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                tracker.RecordSuccess(TimeSpan.FromMilliseconds(1));
            }
        })));

        tracker.Snapshot().Calls.ShouldBe(4000);
    }
}

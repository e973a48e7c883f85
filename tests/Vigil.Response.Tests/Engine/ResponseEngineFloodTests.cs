using System.Collections.Concurrent;
using Vigil.Response.Engine;
using Vigil.Response.Integrations;
using Step = Vigil.Response.Tests.Integrations.FaultyServer.Step;

namespace Vigil.Response.Tests.Engine;

public sealed class ResponseEngineFloodTests
{
    [Fact]
    public async Task HandleAsync_ThousandAlertsFromEightThreadsWithFlakyEdr_EveryActionFinalExecutedOnceAndAuditValid()
    {
        var breaker = new CircuitBreakerSettings { FailureRatio = 1, MinimumThroughput = 10_000 };
        await using var h = await EngineHarness.StartAsync(edrRetries: 3, breaker: breaker);
        var firstSeen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        h.Edr.Rule = r => firstSeen.TryAdd(r.IdempotencyKey!, true) && (r.IdempotencyKey!.GetHashCode(StringComparison.Ordinal) & 0x7fffffff) % 10 == 0
            ? new Step(503)
            : new Step();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // every alert is handled twice (by different threads) to race the idempotency check as well
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < 1000; i += 8)
            {
                await h.Engine.HandleAsync(EngineHarness.Alert($"F-{i}"), false, timeout.Token);
                await h.Engine.HandleAsync(EngineHarness.Alert($"F-{(i + 3) % 1000}"), false, timeout.Token);
            }
        }));
        await Task.WhenAll(workers);

        var actions = h.Engine.Actions();
        actions.Count.ShouldBe(1000);
        actions.ShouldAllBe(a => ActionStates.IsFinal(a.State));
        actions.ShouldAllBe(a => a.State == ActionState.Succeeded);
        h.Edr.Processed.Count.ShouldBe(1000);
        h.Edr.Duplicates.ShouldBe(0);
        actions.Count(a => a.Attempts == 2).ShouldBeGreaterThan(50);
        var verification = h.Audit.Verify();
        verification.IsValid.ShouldBeTrue();
        verification.RecordCount.ShouldBe(3000);
    }
}

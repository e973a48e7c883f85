using Vigil.Analytics.Behaviour.Observations;

namespace Vigil.Analytics.Tests.Behaviour.Observations;

public sealed class ObservationCollectorTests
{
    [Fact]
    public void Drain_SeveralWorkersAndChunks_YieldsEveryObservationInTimeSourceLocationOrder()
    {
        var collector = new ObservationCollector();
        var random = new Random(5);
        var buffers = Enumerable.Range(0, 3).Select(_ => collector.CreateWorkerBuffer()).ToList();
        var total = (ObservationBuffer.ChunkSize * 2) + 123;
        for (var i = 0; i < total; i++)
        {
            buffers[random.Next(3)].Add(new BehaviourObservation
            {
                Ticks = random.Next(1000),
                SourceName = random.Next(2) == 0 ? "a.log" : "b.log",
                Location = i,
            });
        }

        collector.Count.ShouldBe(total);
        var drained = collector.Drain().ToList();

        drained.Count.ShouldBe(total);
        for (var i = 1; i < drained.Count; i++)
        {
            ObservationOrder.Compare(drained[i - 1], drained[i]).ShouldBeLessThan(0);
        }

        drained.Select(o => o.Location).Distinct().Count().ShouldBe(total);
        collector.Count.ShouldBe(0);
    }

    [Fact]
    public void Drain_Nothing_YieldsNothing() => new ObservationCollector().Drain().ShouldBeEmpty();
}

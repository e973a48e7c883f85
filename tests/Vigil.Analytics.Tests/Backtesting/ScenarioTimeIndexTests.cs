using Vigil.Analytics.Backtesting;
using static Vigil.Analytics.Tests.Backtesting.BacktestSome;

namespace Vigil.Analytics.Tests.Backtesting;

public sealed class ScenarioTimeIndexTests
{
    [Fact]
    public void Candidates_AnyTime_IncludeEveryScenarioWhoseWindowHoldsIt()
    {
        var options = new BacktestOptions();
        var random = new Random(7);
        var matchers = Enumerable.Range(0, 40)
            .Select(i =>
            {
                var start = T0.AddMinutes(random.Next(0, 3000));
                return new ScenarioMatcher(Attack($"a{i}", start, start.AddMinutes(random.Next(0, 600)), users: ["u"]), i, options);
            })
            .ToList();
        var index = new ScenarioTimeIndex(matchers);
        var times = matchers.SelectMany(m => new[] { m.WindowStart, m.WindowEnd, m.WindowStart - 1, m.WindowEnd + 1 })
            .Concat(Enumerable.Range(0, 500).Select(_ => T0.AddMinutes(random.Next(-200, 4000)).UtcTicks));

        foreach (var ticks in times)
        {
            var expected = Enumerable.Range(0, matchers.Count).Where(i => matchers[i].Covers(ticks)).ToList();
            var found = index.Candidates(ticks).ToArray().Where(i => matchers[i].Covers(ticks)).ToList();
            found.ShouldBe(expected, $"at {ticks}");
        }
    }

    [Fact]
    public void Candidates_NoScenarios_IsEmpty() => new ScenarioTimeIndex([]).Candidates(T0.UtcTicks).IsEmpty.ShouldBeTrue();
}

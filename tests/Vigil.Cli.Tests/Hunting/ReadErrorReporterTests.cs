using Vigil.Cli.Hunting;
using Vigil.Core.Events;

namespace Vigil.Cli.Tests.Hunting;

public sealed class ReadErrorReporterTests
{
    [Fact]
    public void OnError_ManyErrors_PrintsTheFirstTwentyAndCountsAll()
    {
        var lines = new List<string>();
        var reporter = new ReadErrorReporter(lines.Add);

        Parallel.For(1, 31, i => reporter.OnError(new ReadError("events.jsonl", i, "bad")));
        reporter.Finish();

        reporter.Count.ShouldBe(30);
        lines.Count.ShouldBe(ReadErrorReporter.PrintLimit + 1);
        lines.Take(20).ShouldAllBe(l => l.StartsWith("read error: events.jsonl:", StringComparison.Ordinal));
        lines[^1].ShouldBe("read error: 10 more read errors not shown (30 in all).");
    }
}

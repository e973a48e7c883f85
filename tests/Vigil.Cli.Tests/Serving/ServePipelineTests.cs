using Vigil.Cli.Serving;
using Vigil.Cli.Setup;
using Vigil.Cli.Tests.Support;
using Vigil.Server.Pipeline;

namespace Vigil.Cli.Tests.Serving;

public sealed class ServePipelineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Workspace SampleWorkspace() => new([RepoPaths.Repo("rules")], RepoPaths.Repo("models"), RepoPaths.Repo("samples", "context"));

    private static JournalBatch Batch(long sequence)
        => new(sequence, "http", "ndjson", DateTimeOffset.UnixEpoch, File.ReadAllBytes(RepoPaths.Repo("samples", "events.ndjson")));

    private static ServePipeline Build(Workspace workspace, string? state)
        => ServeService.BuildPipeline(workspace, new DetectionSetupOptions { RulePaths = workspace.Rules }, TextWriter.Null, _ => { }, state);

    [Fact]
    public void Process_SampleEvents_RaisesExplainedAlertsWithEntityContext()
    {
        using var pipeline = Build(SampleWorkspace(), null);
        var output = pipeline.Process([Batch(1)], CancellationToken.None);
        output.Events.ShouldBeGreaterThan(100);
        output.Errors.ShouldBeEmpty();
        output.Alerts.Count.ShouldBeGreaterThan(40);
        var service = output.Alerts.First(a => a.Alert.Title.Contains("Service Installed", StringComparison.Ordinal));
        service.Alert.Detector.ShouldStartWith("rule:");
        service.Tactics.ShouldContain("TA0003", StringComparer.Ordinal);
        service.Entities.ShouldContain(e => e.Kind == "host" && e.Criticality != null && e.Owner != null && e.BusinessUnit != null);
        service.Confidence.ShouldBeInRange(0.1, 0.95);
        service.ConfidenceSource.ShouldStartWith("rule level ");
        var (stored, theHive) = service.Rendered();
        stored.Json.ShouldContain("\"class_uid\":2004");
        theHive.ShouldNotBeNull().ShouldContain("sourceRef");

        // The same batch read again (a replay after a crash) raises the same alert ids: the store skips them.
        using var again = Build(SampleWorkspace(), null);
        again.Process([Batch(1)], CancellationToken.None).Alerts.Select(a => a.Alert.Id).Order(StringComparer.Ordinal)
            .ShouldBe(output.Alerts.Select(a => a.Alert.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ModelState_IsSavedAtStop_AndBatchesItCoversDoNotFeedTheModelsAgain()
    {
        var state = _dir.PathOf("model-state.json");
        using (var first = Build(SampleWorkspace(), state))
        {
            first.Process([Batch(1)], CancellationToken.None);
            first.PendingObservations.ShouldBeGreaterThan(0);
            first.Tick(CancellationToken.None);
            first.PendingObservations.ShouldBe(0);
        }

        File.Exists(state).ShouldBeTrue();
        File.ReadAllText(state + ".sequence").ShouldBe("1");
        using var second = Build(SampleWorkspace(), state);
        second.Process([Batch(1)], CancellationToken.None);
        second.PendingObservations.ShouldBe(0, "batch 1 is in the saved state already");
        second.Process([Batch(2)], CancellationToken.None);
        second.PendingObservations.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Process_MalformedRecords_AreReportedAndTheRestDetected()
    {
        using var pipeline = Build(SampleWorkspace(), null);
        var good = File.ReadAllLines(RepoPaths.Repo("samples", "events.ndjson")).Where(l => l.Length > 0).Take(20).ToList();
        var body = string.Join('\n', good.Take(10).Append("{not json").Concat(good.Skip(10))) + "\n";
        var output = pipeline.Process([new JournalBatch(7, "http", "ndjson", DateTimeOffset.UnixEpoch, System.Text.Encoding.UTF8.GetBytes(body))], CancellationToken.None);
        output.Events.ShouldBe(20);
        output.Errors.ShouldHaveSingleItem().ShouldContain("journal/7/http:11");
    }
}

using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary><c>vigil hunt</c> reads every format, detected per file, with the starter rules of the repository.</summary>
public sealed class HuntFormatsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Hunt_EvtxFile_SecurityLogClearedFound()
    {
        var evtx = RepoPaths.Shared("samples", "evtx", "EVTX-to-MITRE-Attack", "TA0005-Defense Evasion", "T1070.001-Clear Windows event logs", "ID104-1102-Event log cleared.evtx");

        var hits = Hunt(evtx);

        hits.ShouldContain(h => h.Title == "Security Event Log Cleared");
        hits.ShouldAllBe(h => h.File == evtx && h.Location > 0);
    }

    [Fact]
    public void Hunt_SyslogFile_RootLoginFound()
    {
        var path = _dir.Write("auth.log", "<38>Nov  2 06:30:44 bastion01 sshd[40388]: Accepted publickey for deploy from 10.20.5.12 port 51422 ssh2\n"
            + "<38>Nov  2 06:31:02 bastion01 sshd[40391]: Accepted password for root from 198.51.100.45 port 40112 ssh2\n");

        var hit = Hunt(path).ShouldHaveSingleItem();

        hit.Title.ShouldBe("Direct Root Login Accepted by the SSH Server");
        hit.Location.ShouldBe(2);
    }

    [Fact]
    public void Hunt_CloudTrailRecordsFile_StopLoggingFound()
    {
        var path = _dir.Write("trail.json", """
            {"Records": [
              {"eventVersion": "1.08", "eventTime": "2026-11-02T09:00:00Z", "eventSource": "s3.amazonaws.com", "eventName": "ListBuckets", "awsRegion": "eu-west-1"},
              {"eventVersion": "1.08", "eventTime": "2026-11-02T09:05:00Z", "eventSource": "cloudtrail.amazonaws.com", "eventName": "StopLogging", "awsRegion": "eu-west-1"}
            ]}
            """);

        var hit = Hunt(path).ShouldHaveSingleItem();

        hit.Title.ShouldBe("CloudTrail Trail Stopped or Deleted");
        hit.Location.ShouldBe(3);
    }

    [Fact]
    public void Hunt_ForcedWrongFormat_ErrorsNotCrash()
    {
        var path = _dir.Write("trail.json", "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"awsRegion\":\"x\"}\n");

        var result = VigilCli.Run("hunt", path, "--rules", RepoPaths.Repo("rules"), "--input-format", "evtx", "-q");

        result.ExitCode.ShouldBe(ExitCodes.InputErrors);
        result.Stderr.ShouldContain(path);
    }

    private static List<(string Title, string File, long Location)> Hunt(string path)
    {
        var result = VigilCli.Run("hunt", path, "--rules", RepoPaths.Repo("rules"), "--format", "jsonl", "-q");
        result.Stderr.ShouldNotContain("read error");
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return (root.GetProperty("rule").GetProperty("title").GetString()!,
                root.GetProperty("source").GetProperty("file").GetString()!,
                root.GetProperty("source").GetProperty("location").GetInt64());
        })];
    }
}

using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class NormalizeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_NormalizeHelp_MatchesApprovedText()
    {
        var result = VigilCli.Run("normalize", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        Approvals.Verify("normalize-help", result.Stdout);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("ocsf")]
    [InlineData("ecs")]
    public void Normalize_Events_OneJsonObjectPerEventInOrder(string shape)
    {
        var path = _dir.Write("events.ndjson", """
            {"Channel":"Security","EventID":"4625","Computer":"DC01","TimeCreated":"2024-01-02T03:04:05Z","TargetUserName":"jdoe","IpAddress":"10.1.2.3"}
            {"timestamp":"2024-01-02T03:04:06Z","hostname":"bastion","appname":"sshd","message":"Accepted password for alice from 10.0.0.9 port 2222 ssh2"}
            {"something":"else"}
            """);

        var result = VigilCli.Run("normalize", path, "--to", shape);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        var documents = lines.Select(l => JsonDocument.Parse(l)).ToList();
        var first = shape switch
        {
            "jsonl" => documents[0].RootElement.GetProperty("ocsf"),
            _ => documents[0].RootElement,
        };
        if (shape == "ecs")
        {
            first.GetProperty("event").GetProperty("outcome").GetString().ShouldBe("failure");
            first.GetProperty("source").GetProperty("ip").GetString().ShouldBe("10.1.2.3");
        }
        else
        {
            first.GetProperty("class_uid").GetInt32().ShouldBe(3002);
            first.GetProperty("status").GetString().ShouldBe("Failure");
            first.GetProperty("user").GetProperty("name").GetString().ShouldBe("jdoe");
        }

        result.Stderr.ShouldContain("normalized 3 events");
        result.Stderr.ShouldContain("no map recognised 1 events of " + path);
        foreach (var document in documents)
        {
            document.Dispose();
        }
    }

    [Fact]
    public void Normalize_MalformedLine_ReportedAndRestWritten()
    {
        var path = _dir.Write("events.ndjson", "{\"Channel\":\"Security\",\"EventID\":\"4624\"}\n{not json\n{\"Channel\":\"Security\",\"EventID\":\"4634\"}\n");

        var result = VigilCli.Run("normalize", path, "-q");

        result.ExitCode.ShouldBe(ExitCodes.InputErrors);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        result.Stderr.ShouldContain(path + ":2:");
    }

    [Fact]
    public void Normalize_BadMapFile_ReportedWithLineAndOthersUsed()
    {
        _dir.Write("maps/good.yaml", "source: good\nmatch: { kind: '*' }\nclasses:\n  - class: { uid: 0, name: Base Event }\n");
        _dir.Write("maps/bad.yaml", "source: bad\nmatch: { kind: '*' }\nclasses:\n  - class: { uid: 7, name: X }\n");
        var path = _dir.Write("events.ndjson", "{\"kind\":\"a\"}\n");

        var result = VigilCli.Run("normalize", path, "--maps", _dir.PathOf("maps"));

        result.ExitCode.ShouldBe(ExitCodes.RuleErrors);
        result.Stderr.ShouldContain("bad.yaml(4,");
        result.Stdout.ShouldContain("\"source_type\":\"good\"");
    }

    [Fact]
    public void Normalize_MissingMaps_Fatal()
    {
        var path = _dir.Write("events.ndjson", "{\"kind\":\"a\"}\n");

        var result = VigilCli.Run("normalize", path, "--maps", _dir.PathOf("nope"));

        result.ExitCode.ShouldBe(ExitCodes.Fatal);
        result.Stderr.ShouldContain("not found");
    }

    [Fact]
    public void Normalize_UnknownInputFormat_UsageError()
    {
        var result = VigilCli.Run("normalize", "x", "--format", "pdf");

        result.ExitCode.ShouldBe(ExitCodes.UsageError);
    }
}

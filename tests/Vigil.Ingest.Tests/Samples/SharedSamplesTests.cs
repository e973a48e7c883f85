using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Samples;

/// <summary>Reads the shared third-party samples (at test time only; nothing is copied into the repository).</summary>
public sealed class SharedSamplesTests
{
    [Theory]
    [InlineData("evtx-to-mitre.flat.jsonl", 444)]
    [InlineData("otrf/cmd_lsass_memory_dumpert_syscalls_2020-10-1822561997.json", 118)]
    public void Read_WindowsJsonSamples_EveryEventWithoutErrors(string file, int events)
    {
        var result = SourceRunner.ReadFile(SharedData.Path("windows-json", file));

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(events);
        result.Events.Select(e => e.Location).ShouldBe(Enumerable.Range(1, events).Select(i => (long)i));
        result.Events.ShouldAllBe(e => e.TimestampTicks > 0 && e.Values("EventID").Count == 1 && e.Values("Channel").Count == 1);
    }

    [Fact]
    public void Read_WindowsJsonFolder_AllFilesExpandedAndRead()
    {
        var errors = new CollectingErrors();
        var files = EventSources.ExpandPaths([SharedData.Path("windows-json")], errors);

        var jsonFiles = files.Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)).ToList();

        jsonFiles.Count.ShouldBe(2);
        jsonFiles.Sum(f => SourceRunner.ReadFile(f).Events.Count).ShouldBe(444 + 118);
    }

    [Fact]
    public void Read_FlatSample_PythonEvtxTimeFormatParsed()
    {
        var first = SourceRunner.ReadFile(SharedData.Path("windows-json", "evtx-to-mitre.flat.jsonl")).Events[0];

        first.TimestampTicks.ShouldBe(new DateTime(2021, 10, 20, 13, 39, 12, DateTimeKind.Utc).Ticks + 7_319_030);
    }

    [Fact]
    public void Read_CloudTrailSample_NestedNamesAndEventTime()
    {
        var result = SourceRunner.ReadFile(SharedData.Path("cloudtrail", "otrf", "ec2_proxy_s3_exfiltration_2020-09-14011940.json"));

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(103);
        result.Events.ShouldAllBe(e => e.TimestampTicks > 0);
        result.Events.ShouldContain(e => e.Values("userIdentity.type").Count == 1 && e.Values("eventName").Count == 1);
    }

    [Theory]
    [InlineData("azure-m365/otrf/AADAuditEvents.json", 4)]
    [InlineData("azure-m365/otrf/OfficeActivityEvents.json", 1)]
    [InlineData("linux-syslog/otrf/syslog_sysmon_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json", 93)]
    [InlineData("zeek/otrf/SCRANTON_conn.log", 134)]
    [InlineData("okta/panther/okta_rule_tests.jsonl", 66)]
    public void Read_OtherJsonSamples_AllEventsWithoutErrors(string file, int events)
    {
        var result = SourceRunner.ReadFile(SharedData.Path(file.Split('/')));

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void Read_ZeekSample_EpochTimestampFromTs()
    {
        var result = SourceRunner.ReadFile(SharedData.Path("zeek", "otrf", "SCRANTON_conn.log"));

        result.Events.ShouldAllBe(e => e.TimestampTicks > new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks);
        result.Events[0].Kind("ts").ShouldBe(Vigil.Core.Events.FieldValueKind.Number);
    }
}

using Vigil.Core.Events;
using Vigil.Ingest.Normalization;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Normalization;

/// <summary>Every event of the project's sample and of the shared samples is recognised by some map.</summary>
public sealed class NormalizationCoverageTests
{
    private static readonly Lazy<Normalizer> Shipped = new(() => new Normalizer(NormalizationMap.Load(System.IO.Path.Combine(SharedData.RepoRoot, "maps", "normalize"))));

    [Theory]
    [InlineData("samples/events.ndjson")]
    public void ProjectSample_EveryEventMapped(string path)
        => AssertAllMapped(System.IO.Path.Combine(SharedData.RepoRoot, path), minimumClassified: 0.6);

    [Theory]
    [InlineData("windows-json/evtx-to-mitre.flat.jsonl")]
    [InlineData("windows-json/otrf/cmd_lsass_memory_dumpert_syscalls_2020-10-1822561997.json")]
    [InlineData("cloudtrail/otrf/ec2_proxy_s3_exfiltration_2020-09-14011940.json")]
    [InlineData("zeek/otrf/SCRANTON_conn.log")]
    [InlineData("zeek/otrf/SCRANTON_dns.log")]
    [InlineData("zeek/otrf/SCRANTON_http.log")]
    [InlineData("azure-m365/otrf/AADAuditEvents.json")]
    [InlineData("azure-m365/otrf/OfficeActivityEvents.json")]
    [InlineData("linux-syslog/otrf/syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json")]
    public void SharedSample_EveryEventMapped(string path)
        => AssertAllMapped(SharedData.Path(path.Split('/')), minimumClassified: 0);

    private static void AssertAllMapped(string file, double minimumClassified)
    {
        var result = SourceRunner.ReadFile(file);
        result.Errors.ShouldBeEmpty();
        result.Events.ShouldNotBeEmpty();
        var view = new NormalizedEvent();
        var unmapped = new List<string>();
        var classified = 0;
        foreach (var record in result.Events)
        {
            if (!Shipped.Value.Normalize(record, view))
            {
                unmapped.Add($"{record.Location}: {string.Join(", ", Names(record).Take(8))}");
            }

            view.TimeTicks.ShouldBeGreaterThan(0, $"line {record.Location} has no time");
            classified += view.ClassUid > 0 ? 1 : 0;
        }

        unmapped.ShouldBeEmpty();
        ((double)classified / result.Events.Count).ShouldBeGreaterThanOrEqualTo(minimumClassified);
    }

    private static IEnumerable<string> Names(EventRecord record)
    {
        for (var i = 0; i < record.FieldCount; i++)
        {
            yield return record.NameAt(i).ToString();
        }
    }
}

using System.Diagnostics;
using System.Text;
using Vigil.Core.Events;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Fuzz;

/// <summary>
/// Hostile input for every reader: thousands of seeded mutations of real samples (truncations, bit flips, junk, a huge
/// line, UTF-16, deep nesting, repeated bytes) read through the real file path with the format forced. Asserts no
/// unhandled exception, no hang (each read has a deadline), and that every error names the file. Bounded in time so it
/// suits CI: each format gets a fixed number of mutations and a time budget, whichever ends first.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private const int MutationsPerFormat = 400;
    private static readonly TimeSpan BudgetPerFormat = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, EventFileFormat> Seeds => new()
    {
        { "ndjson", EventFileFormat.Ndjson },
        { "json-array", EventFileFormat.JsonArray },
        { "json", EventFileFormat.JsonConcatenated },
        { "evtx", EventFileFormat.Evtx },
        { "xml", EventFileFormat.WindowsXml },
        { "syslog-3164", EventFileFormat.Syslog },
        { "syslog-5424", EventFileFormat.Syslog },
        { "cef", EventFileFormat.Cef },
        { "leef", EventFileFormat.Leef },
        { "cloudtrail", EventFileFormat.CloudTrail },
        { "zeek", EventFileFormat.ZeekTsv },
        { "auditd", EventFileFormat.Auditd },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutations_NeverThrowNorHang_ErrorsNameTheFile(string seedName, EventFileFormat format)
    {
        var seed = Seed(seedName);
        var random = new Random(StringComparer.Ordinal.GetHashCode(seedName) & 0x7fffffff ^ 20261123);
        var budget = Stopwatch.StartNew();
        var path = System.IO.Path.Combine(_dir.Path, $"{seedName}.fuzz");
        var runs = 0;
        for (var i = 0; i < MutationsPerFormat && budget.Elapsed < BudgetPerFormat; i++, runs++)
        {
            var mutated = Mutate(seed, random, i);
            File.WriteAllBytes(path, mutated);
            ReadResult result;
            try
            {
                result = await Task.Run(() => SourceRunner.ReadFile(path, format)).WaitAsync(Deadline);
            }
            catch (TimeoutException ex)
            {
                throw new ShouldAssertException($"{seedName} mutation {i} did not finish within {Deadline.TotalSeconds} s", ex);
            }

            foreach (var error in result.Errors)
            {
                error.Source.ShouldBe(path, $"{seedName} mutation {i}: {error}");
                error.Message.ShouldNotBeNullOrWhiteSpace();
            }

            foreach (var record in result.Events)
            {
                record.SourceName.ShouldBe(path);
            }
        }

        runs.ShouldBeGreaterThan(20, "the time budget allowed too few mutations to mean anything");
    }

    [Theory]
    [InlineData("ndjson", EventFileFormat.Ndjson)]
    [InlineData("syslog-3164", EventFileFormat.Syslog)]
    [InlineData("cef", EventFileFormat.Cef)]
    [InlineData("leef", EventFileFormat.Leef)]
    [InlineData("zeek", EventFileFormat.ZeekTsv)]
    public void OneBadLine_RecordsBeforeAndAfterStillRead(string seedName, EventFileFormat format)
    {
        var lines = Encoding.UTF8.GetString(Seed(seedName)).Split('\n').ToList();
        var clean = ReadText(string.Join('\n', lines), format);
        var dataLines = Enumerable.Range(0, lines.Count).Where(i => lines[i].Length > 0 && lines[i][0] != '#').ToList();
        var victim = dataLines[dataLines.Count / 2];
        var damaged = lines.ToList();
        damaged[victim] = "\u0001\u0002\u0003 garbage that is not a record of any kind \uFFFD\u0000";

        var result = ReadText(string.Join('\n', damaged), format);

        result.Events.Count.ShouldBeGreaterThanOrEqualTo(clean.Events.Count - 1);
        result.Events.Any(e => e.Location < victim + 1).ShouldBeTrue("records before the bad line are read");
        result.Events.Any(e => e.Location > victim + 1).ShouldBeTrue("records after the bad line are read");
    }

    private ReadResult ReadText(string text, EventFileFormat format)
    {
        var path = _dir.Write($"lines-{Guid.NewGuid():N}.txt", text);
        return SourceRunner.ReadFile(path, format);
    }

    private static byte[] Mutate(byte[] seed, Random random, int round)
    {
        var data = seed.ToList();
        switch (round % 8)
        {
            case 0:
                // Truncation anywhere.
                return [.. data.Take(random.Next(data.Count + 1))];
            case 1:
                // Bit flips.
                for (var k = random.Next(1, 16); k > 0 && data.Count > 0; k--)
                {
                    var at = random.Next(data.Count);
                    data[at] ^= (byte)(1 << random.Next(8));
                }

                return [.. data];
            case 2:
                // Junk bytes inserted.
                var junk = new byte[random.Next(1, 64)];
                random.NextBytes(junk);
                data.InsertRange(random.Next(data.Count + 1), junk);
                return [.. data];
            case 3:
                // A huge line (no line feed for 200 KB).
                data.InsertRange(random.Next(data.Count + 1), Enumerable.Repeat((byte)'A', 200_000));
                return [.. data];
            case 4:
                // Wrong encoding: the whole text as UTF-16 without BOM, or Latin-1 bytes that are not UTF-8.
                return random.Next(2) == 0
                    ? Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(seed))
                    : [.. data.Select(b => b == (byte)' ' ? (byte)0xE9 : b)];
            case 5:
                // Deep nesting.
                var depth = random.Next(100, 5000);
                data.InsertRange(random.Next(data.Count + 1), Encoding.ASCII.GetBytes(new string('[', depth) + new string('{', depth) + "<a>"));
                return [.. data];
            case 6:
                // A region overwritten with one repeated byte (zeros, 0xFF, separators).
                if (data.Count > 0)
                {
                    var start = random.Next(data.Count);
                    var length = Math.Min(data.Count - start, random.Next(1, 4096));
                    var fill = new byte[] { 0, 0xFF, (byte)'|', (byte)'=', (byte)'\t', (byte)'"' }[random.Next(6)];
                    for (var k = 0; k < length; k++)
                    {
                        data[start + k] = fill;
                    }
                }

                return [.. data];
            default:
                // A slice duplicated somewhere else (chunk and record headers out of place).
                if (data.Count > 2)
                {
                    var from = random.Next(data.Count - 1);
                    var length = Math.Min(data.Count - from, random.Next(1, 70_000));
                    data.InsertRange(random.Next(data.Count + 1), data.GetRange(from, length));
                }

                return [.. data];
        }
    }

    private static byte[] Seed(string name) => name switch
    {
        "ndjson" => File.ReadAllBytes(SharedData.Path("zeek", "otrf", "SCRANTON_dns.log")),
        "json-array" => Encoding.UTF8.GetBytes("[" + string.Join(",\n", File.ReadLines(SharedData.Path("zeek", "otrf", "SCRANTON_http.log")).Take(30)) + "]"),
        "json" => Encoding.UTF8.GetBytes(string.Join("\n", File.ReadLines(SharedData.Path("zeek", "otrf", "SCRANTON_conn.log")).Take(30).Select(l => l.Replace(",", ",\n  ", StringComparison.Ordinal)))),
        "evtx" => File.ReadAllBytes(Directory.EnumerateFiles(SharedData.Path("evtx"), "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First()),
        "xml" => Encoding.UTF8.GetBytes(WindowsXml),
        "syslog-3164" => File.ReadAllBytes(SharedData.Path("syslog", "jc", "syslog-3164.out")),
        "syslog-5424" => File.ReadAllBytes(SharedData.Path("syslog", "jc", "syslog-5424.out")),
        "cef" => File.ReadAllBytes(SharedData.Path("cef", "jc", "cef.out")),
        "leef" => Encoding.UTF8.GetBytes(Leef),
        "cloudtrail" => Encoding.UTF8.GetBytes("{\"Records\": [\n" + string.Join(",\n", File.ReadLines(SharedData.Path("cloudtrail", "otrf", "ec2_proxy_s3_exfiltration_2020-09-14011940.json")).Take(25)) + "\n]}\n"),
        "zeek" => Encoding.UTF8.GetBytes(ZeekTsv),
        "auditd" => Encoding.UTF8.GetBytes(Auditd),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no seed"),
    };

    private const string WindowsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <Events>
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}"/><EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime="2024-01-02T03:04:05.1234567Z"/><EventRecordID>1001</EventRecordID><Correlation/><Execution ProcessID="612" ThreadID="700"/><Channel>Security</Channel><Computer>DC01.corp.example</Computer><Security/></System><EventData><Data Name="TargetUserName">jdoe</Data><Data Name="TargetDomainName">CORP</Data><Data Name="LogonType">3</Data><Data Name="IpAddress">10.1.2.3</Data></EventData></Event>
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>4625</EventID><TimeCreated SystemTime="2024-01-02T03:04:06Z"/><EventRecordID>1002</EventRecordID><Channel>Security</Channel><Computer>DC01.corp.example</Computer></System><EventData><Data Name="TargetUserName">admin</Data><Data Name="IpAddress">198.51.100.7</Data></EventData></Event>
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Eventlog"/><EventID>1102</EventID><TimeCreated SystemTime="2024-01-02T03:04:07Z"/><EventRecordID>1003</EventRecordID><Channel>Security</Channel><Computer>DC01.corp.example</Computer></System><UserData><LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog"><SubjectUserName>admin</SubjectUserName></LogFileCleared></UserData></Event>
        </Events>
        """;

    private const string Leef = "LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=10.50.1.1\tdst=2.10.20.20\tspt=1200\tusrName=jdoe\tsev=5\n"
        + "LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5^cat=anomaly^srcPort=81^dstPort=21^usrName=joe.black\n"
        + "LEEF:2.0|Vendor|Product|2.1|login|x09|devTime=1700000000000\tusrName=alice\tsrc=192.0.2.10\tresult=success\n"
        + "<13>Jan 18 11:07:53 fw01 LEEF:1.0|Palo Alto Networks|PAN-OS|9.1|TRAFFIC|src=10.1.1.1\tdst=8.8.8.8\taction=allow\n"
        + "LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15346|src=10.50.1.2\tdst=2.10.20.21\tusrName=bob\n";

    private const string ZeekTsv = "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2024-01-02-03-04-05\n"
        + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tconn_state\ttunnel_parents\n"
        + "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tstring\tset[string]\n"
        + "1704164645.123456\tC1\t10.0.0.1\t51000\t10.0.0.2\t53\tudp\tdns\tSF\t(empty)\n"
        + "1704164646.000000\tC2\t10.0.0.1\t51001\t10.0.0.3\t443\ttcp\tssl\tSF\t-\n"
        + "1704164647.500000\tC3\t10.0.0.4\t51002\t10.0.0.5\t445\ttcp\t-\tREJ\tCa,Cb\n"
        + "1704164648.000000\tC4\t10.0.0.6\t51003\t10.0.0.7\t22\ttcp\tssh\tS0\t(empty)\n"
        + "1704164649.000000\tC5\t10.0.0.8\t51004\t10.0.0.9\t80\ttcp\thttp\tSF\t(empty)\n"
        + "#close\t2024-01-02-04-00-00\n";

    private const string Auditd = "type=USER_AUTH msg=audit(1704164645.123:501): pid=2001 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication grantors=pam_unix acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=198.51.100.7 addr=198.51.100.7 terminal=ssh res=success'\n"
        + "type=SYSCALL msg=audit(1704164650.000:502): arch=c000003e syscall=59 success=yes exit=0 a0=55d0 a1=55d1 a2=55d2 a3=0 items=2 ppid=2001 pid=2002 auid=1000 uid=1000 gid=1000 euid=1000 comm=\"bash\" exe=\"/usr/bin/bash\" key=\"exec\"\n"
        + "type=EXECVE msg=audit(1704164650.000:502): argc=3 a0=\"bash\" a1=\"-c\" a2=\"id\"\n"
        + "type=CWD msg=audit(1704164650.000:502): cwd=\"/home/alice\"\n"
        + "type=PATH msg=audit(1704164650.000:502): item=0 name=\"/usr/bin/bash\" inode=131 dev=08:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n"
        + "type=PROCTITLE msg=audit(1704164650.000:502): proctitle=62617368002D630069640A\n"
        + "type=EOE msg=audit(1704164650.000:502): \n"
        + "type=USER_LOGIN msg=audit(1704164660.000:503): pid=2001 uid=0 auid=1000 ses=3 msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=? addr=198.51.100.7 terminal=/dev/pts/0 res=success'\n";
}

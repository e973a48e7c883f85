using System.Text;
using Vigil.Ingest.Formats.Auditd;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Formats.Syslog;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Auditd;

public sealed class AuditdFormatTests
{
    // An SSH password failure, a successful login and the shell running "cat /etc/shadow", written for these tests.
    private const string SshSession = """
        type=USER_AUTH msg=audit(1700000000.100:501): pid=2201 uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='op=PAM:authentication grantors=? acct="root" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed'
        type=USER_LOGIN msg=audit(1700000005.200:502): pid=2201 uid=0 auid=1000 ses=7 msg='op=login id=1000 exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=/dev/pts/0 res=success'
        type=SYSCALL msg=audit(1700000010.300:503): arch=c000003e syscall=59 success=yes exit=0 a0=55d0c3a1b2c0 a1=55d0c3a1b340 a2=55d0c3a1b360 a3=0 items=2 ppid=2210 pid=2250 auid=1000 uid=1000 gid=1000 euid=1000 tty=pts0 ses=7 comm="cat" exe="/usr/bin/cat" key="shadow"
        type=EXECVE msg=audit(1700000010.300:503): argc=2 a0="cat" a1=2F6574632F736861646F77
        type=CWD msg=audit(1700000010.300:503): cwd="/home/alice"
        type=PATH msg=audit(1700000010.300:503): item=0 name="/usr/bin/cat" inode=1234 dev=08:01 mode=0100755 ouid=0 ogid=0 nametype=NORMAL
        type=PATH msg=audit(1700000010.300:503): item=1 name=2F6C69622F6C6436342D6C696E75782D7838362D36342E736F2E32 inode=99 nametype=NORMAL
        type=PROCTITLE msg=audit(1700000010.300:503): proctitle=636174002F6574632F736861646F77
        type=EOE msg=audit(1700000010.300:503):
        """;

    private static readonly AuditdFormat Format = new();

    [Fact]
    public void Parse_SshSession_RecordsJoinedBySerial()
    {
        var result = LineFormatRunner.Parse(Format, SshSession);

        result.Errors.ShouldBeEmpty();
        var exec = result.Events.Single(e => e.Values("type").Contains("SYSCALL", StringComparer.Ordinal));
        exec.Values("type").ShouldBe(["SYSCALL", "EXECVE", "CWD", "PATH", "PATH", "PROCTITLE", "EOE"]);
        exec.Location.ShouldBe(3);
        exec.TimestampTicks.ShouldBe(DateTime.UnixEpoch.Ticks + (1_700_000_010_300L * TimeSpan.TicksPerMillisecond));
        exec.Values("a1").ShouldBe(["55d0c3a1b340", "/etc/shadow"]);
        exec.Values("a0").ShouldBe(["55d0c3a1b2c0", "cat"]);
        exec.Value("argc").ShouldBe("2");
        exec.Values("name").ShouldBe(["/usr/bin/cat", "/lib/ld64-linux-x86-64.so.2"]);
        exec.Value("proctitle").ShouldBe("cat /etc/shadow");
        exec.Value("exe").ShouldBe("/usr/bin/cat");
        exec.Value("key").ShouldBe("shadow");
        exec.Value("cwd").ShouldBe("/home/alice");
        Encoding.UTF8.GetString(exec.Raw).Split('\n').Length.ShouldBe(7);

        var auth = result.Events.Single(e => e.Values("type") is ["USER_AUTH"]);
        auth.Value("op").ShouldBe("PAM:authentication");
        auth.Value("acct").ShouldBe("root");
        auth.Value("exe").ShouldBe("/usr/sbin/sshd");
        auth.Value("addr").ShouldBe("203.0.113.9");
        auth.Value("res").ShouldBe("failed");
        auth.Value("pid").ShouldBe("2201");
        auth.Location.ShouldBe(1);
        result.Events.Count.ShouldBe(3);
    }

    [Fact]
    public void Parse_InterleavedSerials_EachEventWhole()
    {
        const string text = """
            node=web1 type=SYSCALL msg=audit(1700000000.000:10): syscall=59 exe="/bin/a"
            node=web1 type=SYSCALL msg=audit(1700000000.001:11): syscall=59 exe="/bin/b"
            node=web1 type=EXECVE msg=audit(1700000000.000:10): argc=1 a0="a"
            node=web1 type=EXECVE msg=audit(1700000000.001:11): a0="b" a1="-x"
            node=web1 type=EOE msg=audit(1700000000.001:11):
            node=web1 type=EOE msg=audit(1700000000.000:10):
            """;

        var result = LineFormatRunner.Parse(Format, text);

        result.Events.Count.ShouldBe(2);
        var b = result.Events[0];
        b.Values("exe").ShouldBe(["/bin/b"]);
        b.Values("a1").ShouldBe(["-x"]);
        b.Value("argc").ShouldBe("2");
        b.Value("node").ShouldBe("web1");
        b.Location.ShouldBe(2);
        result.Events[1].Values("a0").ShouldBe(["a"]);
        result.Events[1].Location.ShouldBe(1);
    }

    [Theory]
    [InlineData("proctitle=2F62696E2F7368002D63006C73", "/bin/sh -c ls")]
    [InlineData("proctitle=\"bash\"", "bash")]
    [InlineData("name=0A0B", "0A0B")]
    [InlineData("name=abc", "abc")]
    [InlineData("name=C3A9", "é")]
    [InlineData("name=FF", "FF")]
    [InlineData("name=(null)", "(null)")]
    public void Parse_HexValues_DecodedOnlyWhenPrintable(string field, string expected)
    {
        var e = LineFormatRunner.ParseOne(Format, $"type=PATH msg=audit(1.000:1): {field}");

        e.Value(field[..field.IndexOf('=', StringComparison.Ordinal)]).ShouldBe(expected);
    }

    [Fact]
    public void Parse_SyscallArgumentsThatLookLikeText_NotDecoded()
    {
        var e = LineFormatRunner.ParseOne(Format, "type=SYSCALL msg=audit(1.000:1): a0=41 a1=4142");

        e.Values("a0").ShouldBe(["41"]);
        e.Values("a1").ShouldBe(["4142"]);
    }

    [Fact]
    public void Parse_MalformedLines_ReportedAndNeighboursKept()
    {
        var result = LineFormatRunner.Parse(Format, "type=A msg=audit(1.0:1): x=1\ngarbage\ntype=A msg=audit(xx:2): y=1\ntype=B msg=audit(2.0:3): z=2\n");

        result.Events.Select(e => e.Location).ShouldBe([1L, 4L]);
        result.Errors.Select(e => e.Location).ShouldBe([2L, 3L]);
        result.Errors[1].Message.ShouldContain("byte offset 17");
    }

    [Fact]
    public void FindCut_EventAtBlockEnd_KeptWhole()
    {
        var block = Encoding.UTF8.GetBytes("type=A msg=audit(1.0:1): x=1\ntype=EOE msg=audit(1.0:1):\ntype=B msg=audit(2.0:2): y=1\ntype=C msg=audit(2.0:2): y=2\n");

        var cut = Format.FindCut(block);

        Encoding.UTF8.GetString(block[cut..]).ShouldStartWith("type=B");
    }

    [Theory]
    [InlineData("type=A msg=audit(1.0:1): x=1\ntype=EOE msg=audit(1.0:1):\n")]
    [InlineData("type=A msg=audit(1.0:1): x=1\nnot audit\n")]
    public void FindCut_CompleteOrUnknownLast_CutsAtEnd(string text)
    {
        var block = Encoding.UTF8.GetBytes(text);

        Format.FindCut(block).ShouldBe(block.Length);
    }

    [Fact]
    public void FindCut_WholeBlockOneEvent_NoCut()
        => Format.FindCut(Encoding.UTF8.GetBytes("type=A msg=audit(1.0:1): x=1\ntype=B msg=audit(1.0:1): x=2\n")).ShouldBe(0);

    [Fact]
    public void ReadFile_LargeFileAcrossBlocks_NoEventSplit()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder();
        for (var serial = 1; serial <= 12_000; serial++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"node=h type=SYSCALL msg=audit(1700000000.000:{serial}): syscall=59 comm=\"x\" pad=\"{new string('p', 60)}\"\n");
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"node=h type=PROCTITLE msg=audit(1700000000.000:{serial}): proctitle=6C73002D6C\n");
        }

        var result = SourceRunner.ReadFile(dir.Write("audit.log", text.ToString()));

        result.BatchBytes.Count.ShouldBeGreaterThan(1);
        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(12_000);
        result.Events.ShouldAllBe(e => e.Values("type").Count == 2);
    }

    [Theory]
    [InlineData("type=SYSCALL msg=audit(1.0:1): x=1\n")]
    [InlineData("node=h1 type=SYSCALL msg=audit(1.0:1): x=1\n")]
    public void ReadFile_AutoDetection_Auditd(string text)
    {
        using var dir = new TempDirectory();

        var result = SourceRunner.ReadFile(dir.Write("audit.log", text));

        result.Errors.ShouldBeEmpty();
        result.Events.ShouldHaveSingleItem().Value("x").ShouldBe("1");
        _ = EventFileFormat.Auditd;
    }
}

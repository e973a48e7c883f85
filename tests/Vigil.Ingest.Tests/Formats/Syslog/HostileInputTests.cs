using System.Diagnostics;
using System.Text;
using Vigil.Ingest.Formats.Auditd;
using Vigil.Ingest.Formats.Cef;
using Vigil.Ingest.Formats.Syslog;
using Vigil.Ingest.Sources.Text;

namespace Vigil.Ingest.Tests.Formats.Syslog;

/// <summary>Seeded random damage to valid lines of each text format: never an exception, errors carry lines, neighbours survive.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> Formats => ["syslog", "cef", "leef", "auditd"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_MutatedLines_NoExceptionAndValidNeighboursRead(string name)
    {
        var (format, valid) = Create(name);
        var random = new Random(20240601);
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1.5) && rounds < 3000)
        {
            rounds++;
            var bad = Mutate(random, Encoding.UTF8.GetBytes(valid), name);
            // auditd joins lines by serial: the last line gets a serial of its own.
            var last = name == "auditd" ? valid.Replace(":501)", ":502)", StringComparison.Ordinal) : valid;
            byte[] text = [.. Encoding.UTF8.GetBytes(valid + "\n"), .. bad, (byte)'\n', .. Encoding.UTF8.GetBytes(last + "\n")];

            var result = LineFormatRunner.Parse(format, text);

            result.Errors.ShouldAllBe(e => e.Location >= 1 && e.Location <= 3 && e.Message.Length > 0);
            result.Events.Count(e => e.Location == 1).ShouldBe(1, $"round {rounds}");
            result.Events.Count(e => e.Location == 3 || (e.Location == 2 && name == "auditd")).ShouldBeGreaterThanOrEqualTo(1, $"round {rounds}");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_SpecialLines_NoException(string name)
    {
        var (format, valid) = Create(name);
        string[] specials =
        [
            new string('x', 100_000), "|||||||||||||", "==========", "<<<<>>>>", "\t\t\t", "CEF:", "LEEF:", "LEEF:2.0|a|b|c|d|0xZZ|a=1",
            "type=", "type=X msg=audit(", "type=X msg=audit(1.1:", "node=", "<1>1 ", "[[[", "\"\"\"", "\\\\\\", "a=\\", "CEF:0|\\",
            "msg='", "type=X msg=audit(99999999999999999999.1:1):", "Feb 29 00:00:00 h a:", "<191>1 9999-99-99T99:99:99Z",
        ];

        foreach (var special in specials)
        {
            var result = LineFormatRunner.Parse(format, $"{valid}\n{special}\n{valid}\n{special}{valid}\n");

            result.Events.ShouldNotBeEmpty(special);
            result.Errors.ShouldAllBe(e => e.Location >= 1);
        }

        LineFormatRunner.Parse(format, [0xff, 0xfe, 0x00, 0xc3, 0x28, (byte)'\n', 0xe2, 0x82]).Errors.ShouldAllBe(e => e.Location >= 1);
    }

    private static (LineFormat Format, string Valid) Create(string name) => name switch
    {
        "syslog" => (new SyslogFormat(), "<34>1 2024-01-01T00:00:00Z host app 12 ID7 [sd@1 a=\"x\\\"y\"] \uFEFFhello world"),
        "cef" => (new CefFormat(), "<13>Jan  1 00:00:00 h CEF:0|V\\|x|P|1|2|N|5|src=1.2.3.4 cs1Label=L cs1=a b\\=c rt=1700000000000"),
        "leef" => (new LeefFormat(), "LEEF:2.0|V|P|1|E|^|src=1.2.3.4^devTimeFormat=yyyy-MM-dd HH:mm:ss^devTime=2024-01-01 00:00:00"),
        _ => (new AuditdFormat(), "type=USER_AUTH msg=audit(1700000000.100:501): pid=1 msg='op=PAM acct=\"root\" res=failed' proctitle=6C73"),
    };

    private static byte[] Mutate(Random random, byte[] line, string name)
    {
        switch (random.Next(6))
        {
            case 0:
                return line[..random.Next(line.Length)];
            case 1:
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    line[random.Next(line.Length)] ^= (byte)(1 << random.Next(8));
                }

                return line;
            case 2:
                var junk = new byte[random.Next(1, 64)];
                random.NextBytes(junk);
                var at = random.Next(line.Length);
                return [.. line[..at], .. junk.Select(b => b == (byte)'\n' ? (byte)' ' : b), .. line[at..]];
            case 3:
                return [.. line, .. Encoding.UTF8.GetBytes(new string(name == "cef" ? '=' : '|', 100_000))];
            case 4:
                return [0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, .. line, 0xf0, 0x90];
            default:
                var delimiters = "|=\\\"'[] <>:\t^"u8.ToArray();
                return [.. Enumerable.Range(0, random.Next(1, 200)).Select(_ => delimiters[random.Next(delimiters.Length)])];
        }
    }
}

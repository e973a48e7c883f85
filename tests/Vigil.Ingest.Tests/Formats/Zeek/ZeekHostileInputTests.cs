using System.Diagnostics;
using System.Text;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.Zeek;

public sealed class ZeekHostileInputTests : IDisposable
{
    private const int Lines = 60;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Read_SeededRandomMutations_NoExceptionNoHangErrorsLocated()
    {
        var original = Encoding.UTF8.GetBytes(ZeekLogs.ConnLog(Lines));
        var random = new Random(20240305);
        var watch = Stopwatch.StartNew();
        var runs = 0;

        var reading = Task.Run(() =>
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(2) || runs < 20)
            {
                var path = _dir.WriteBytes("mutated.log", Mutate(random, original));
                var result = SourceRunner.ReadFile(path, EventFileFormat.ZeekTsv);
                result.Errors.ShouldAllBe(e => e.Source == path && e.Location >= 1);
                runs++;
            }
        });
        var finished = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(60))) == reading;

        finished.ShouldBeTrue("reading mutated Zeek logs hung");
        await reading;
    }

    [Fact]
    public void Read_OneBitFlipInADataLine_EveryOtherLineStillRead()
    {
        var text = ZeekLogs.ConnLog(Lines);
        var original = Encoding.UTF8.GetBytes(text);
        var random = new Random(11);
        for (var run = 0; run < 300; run++)
        {
            var k = random.Next(Lines);
            var line = ZeekLogs.ConnLine(k);
            var at = text.IndexOf(line, StringComparison.Ordinal) + random.Next(line.Length - 1);
            var input = (byte[])original.Clone();
            input[at] ^= (byte)(1 << random.Next(8));
            var path = _dir.WriteBytes("flipped.log", input);

            var result = SourceRunner.ReadFile(path, EventFileFormat.ZeekTsv);

            var uids = result.Events.Select(e => e.GetString("uid")).ToHashSet(StringComparer.Ordinal);
            Enumerable.Range(0, Lines).Where(i => i != k && !uids.Contains("C" + i)).ShouldBeEmpty($"run {run}: flip at {at} in line {k}");
            result.Errors.ShouldAllBe(e => e.Source == path && e.Location >= 9 + k && e.Location <= 10 + k);
        }
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        var data = new List<byte>(original);
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && data.Count > 0; i++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(5))
            {
                case 0:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 1:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    var junk = new byte[random.Next(1, 32)];
                    random.NextBytes(junk);
                    data.InsertRange(at, junk);
                    break;
                case 3:
                    string[] tokens = ["\t", "\n", "#fields\tts\n", "#separator \\x", "#types\tset[", "\\x", "#path\t", "\r\n", ","];
                    data.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]));
                    break;
                default:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(new string('\t', random.Next(1, 5000))));
                    break;
            }
        }

        return [.. data];
    }
}

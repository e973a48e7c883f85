using System.Diagnostics;
using System.Text;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.CloudTrail;

public sealed class CloudTrailHostileInputTests : IDisposable
{
    private const int Records = 40;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Read_SeededRandomMutations_NoExceptionNoHangErrorsLocated()
    {
        var original = Encoding.UTF8.GetBytes(CloudTrailRecords.OneLineFile(0, Records));
        var pretty = Encoding.UTF8.GetBytes(CloudTrailRecords.OneLineFile(0, Records).Replace("},{\"eventVersion\"", "},\n  {\"eventVersion\"", StringComparison.Ordinal));
        var random = new Random(20240305);
        var watch = Stopwatch.StartNew();
        var runs = 0;

        var reading = Task.Run(() =>
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(2) || runs < 20)
            {
                var input = Mutate(random, runs % 2 == 0 ? original : pretty);
                var path = _dir.WriteBytes("mutated.json", input);
                var result = SourceRunner.ReadFile(path, EventFileFormat.CloudTrail);
                result.Errors.ShouldAllBe(e => e.Source == path && e.Location >= 1);
                result.Events.Count.ShouldBeLessThanOrEqualTo(Records + 64);
                runs++;
            }
        });
        var finished = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(60))) == reading;

        finished.ShouldBeTrue("reading mutated Records files hung");
        await reading;
        runs.ShouldBeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public void Read_OneBitFlipInsideARecord_EveryOtherRecordStillRead()
    {
        var text = CloudTrailRecords.OneLineFile(0, Records);
        var original = Encoding.UTF8.GetBytes(text);
        var random = new Random(7);
        for (var run = 0; run < 300; run++)
        {
            var k = random.Next(Records);
            var start = text.IndexOf(CloudTrailRecords.Record(k), StringComparison.Ordinal);
            var at = start + random.Next(CloudTrailRecords.Record(k).Length);
            var input = (byte[])original.Clone();
            input[at] ^= (byte)(1 << random.Next(8));
            var path = _dir.WriteBytes("flipped.json", input);

            var result = SourceRunner.ReadFile(path, EventFileFormat.CloudTrail);

            var ids = result.Events.Select(e => e.GetString("eventID")).ToHashSet(StringComparer.Ordinal);
            var missing = Enumerable.Range(0, Records).Where(i => i != k && !ids.Contains("id-" + i)).ToList();
            missing.ShouldBeEmpty($"run {run}: flip at {at} in record {k}");
            result.Errors.ShouldAllBe(e => e.Source == path && e.Location == 1);
        }
    }

    [Fact]
    public void Read_DeeplyNestedAndHugeRecords_ReportedAndTheOthersRead()
    {
        var deep = "{\"eventVersion\":\"1.08\",\"a\":" + new string('[', 5000) + new string(']', 5000) + "}";
        var huge = "{\"eventVersion\":\"1.08\",\"big\":\"" + new string('x', 17 << 20) + "\"}";
        var path = _dir.Write("hostile.json", "{\"Records\":[" + CloudTrailRecords.Record(0) + "," + deep + "," + CloudTrailRecords.Record(1) + ","
            + huge + "," + CloudTrailRecords.Record(2) + "]}");

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.GetString("eventID")).ShouldBe(["id-0", "id-1", "id-2"]);
        result.Errors.Count.ShouldBe(2);
        result.Errors[0].Message.ShouldContain("depth");
        result.Errors[1].Message.ShouldContain("larger than");
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        var data = new List<byte>(original);
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && data.Count > 0; i++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
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
                    string[] tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\n", "{\"Records\":[", "{\"eventVersion\":"];
                    data.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]));
                    break;
                case 4:
                    var depth = random.Next(100, 3000);
                    data.InsertRange(at, Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', random.Next(depth))));
                    break;
                default:
                    data.InsertRange(at, Encoding.UTF8.GetBytes("\"" + new string('A', random.Next(1 << 16, 1 << 20)) + "\""));
                    break;
            }
        }

        return [.. data];
    }
}

using System.Text;
using Vigil.Ingest.Sources;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Formats.CloudTrail;

public sealed class CloudTrailBatchReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_OneLineRecordsFile_EachRecordIsAnEventWithFlattenedNames()
    {
        var path = _dir.Write("111122223333_CloudTrail_eu-west-1_20240305T1000Z_abc.json", CloudTrailRecords.OneLineFile(0, 3));

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(3);
        var first = result.Events[0];
        first.Location.ShouldBe(1);
        first.Value("eventSource").ShouldBe("s3.amazonaws.com");
        first.Value("eventName").ShouldBe("GetObject");
        first.Value("userIdentity.arn").ShouldBe("arn:aws:sts::111122223333:assumed-role/Admin/alice");
        first.Value("requestParameters.bucketName").ShouldBe("finance-reports");
        first.Values("resources.ARN").ShouldBe(["arn:aws:s3:::finance-reports/q0.csv", "arn:aws:s3:::finance-reports"]);
        Encoding.UTF8.GetString(first.Raw).ShouldBe(CloudTrailRecords.Record(0));
        result.Events.Select(e => e.TimestampTicks).ShouldBe([.. Enumerable.Range(0, 3).Select(i => CloudTrailRecords.Start.AddSeconds(i).Ticks)]);
    }

    [Fact]
    public void Read_PrettyPrintedRecords_EachEventAtTheLineWhereItStarts()
    {
        var path = _dir.Write("pretty.json", """
            {
              "Records": [
                {
                  "eventVersion": "1.08",
                  "eventTime": "2024-03-05T10:00:00Z",
                  "eventName": "ConsoleLogin"
                },
                {
                  "eventVersion": "1.08",
                  "eventTime": "2024-03-05T10:00:01Z",
                  "eventName": "AssumeRole"
                }
              ]
            }
            """);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("eventName"), e.Location)).ShouldBe([("ConsoleLogin", 3L), ("AssumeRole", 8L)]);
    }

    [Fact]
    public void Read_GzipAndConcatenatedWrappers_AllRecordsRead()
    {
        var text = CloudTrailRecords.OneLineFile(0, 2) + "\n" + CloudTrailRecords.OneLineFile(2, 2) + CloudTrailRecords.OneLineFile(4, 1) + "\n{\"Records\":[]}\n";
        var path = _dir.WriteGzip("logs.json.gz", text);

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => (e.Value("eventID"), e.Location)).ShouldBe([("id-0", 1L), ("id-1", 1L), ("id-2", 2L), ("id-3", 2L), ("id-4", 2L)]);
    }

    [Fact]
    public void Read_ForcedFormatOnNdjsonOfRecords_EachLineAnEvent()
    {
        var path = _dir.Write("lines.json", CloudTrailRecords.Record(0) + "\n" + CloudTrailRecords.Record(1) + "\n");

        var result = SourceRunner.ReadFile(path, EventFileFormat.CloudTrail);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => e.Location).ShouldBe([1L, 2L]);
    }

    [Fact]
    public void Read_MalformedRecordInOneLineFile_ReportedAndTheNextRecordsRead()
    {
        var good = CloudTrailRecords.OneLineFile(0, 5);
        var bad = good.Replace("\"eventID\":\"id-2\"", "\"eventID\":id-2\"", StringComparison.Ordinal);
        var path = _dir.Write("bad.json", bad);

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Value("eventID")).ShouldBe(["id-0", "id-1", "id-3", "id-4"]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(path);
        error.Location.ShouldBe(1);
        error.Message.ShouldContain("malformed JSON value starting at line 1");
    }

    [Fact]
    public void Read_MalformedRecordPrettyPrinted_ReportedWithItsLineAndTheNextRecordsRead()
    {
        var path = _dir.Write("bad-pretty.json", """
            {"Records": [
              {
                "eventVersion": "1.08",
                "eventName": "A"
              },
              {
                "eventVersion": "1.08",
                "eventName": B
              },
              {
                "eventVersion": "1.08",
                "eventName": "C"
              }
            ]}
            """);

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => (e.Value("eventName"), e.Location)).ShouldBe([("A", 2L), ("C", 10L)]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(6);
        error.Message.ShouldContain("skipped to line 10");
    }

    [Fact]
    public void Read_TruncatedFile_RecordsBeforeReadAndTruncationReported()
    {
        var text = CloudTrailRecords.OneLineFile(0, 3);
        var path = _dir.Write("cut.json", text[..(text.Length - 40)]);

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Value("eventID")).ShouldBe(["id-0", "id-1"]);
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("cut off by the end of the file (the file is truncated)");
    }

    [Fact]
    public void Read_WrapperNotClosed_ReportedWithTheWrapperLine()
    {
        var path = _dir.Write("open.json", "\n" + CloudTrailRecords.OneLineFile(0, 2)[..^2] + "\n");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Location.ShouldBe(2);
        error.Message.ShouldContain("damaged {\"Records\": [...]} wrapper starting at line 2: it is not closed at the end of the file");
    }

    [Fact]
    public void Read_RecordsArrayClosedByBrace_ReportedAndNextWrapperRead()
    {
        var path = _dir.Write("brace.json", CloudTrailRecords.OneLineFile(0, 1)[..^2] + "}\n" + CloudTrailRecords.OneLineFile(1, 1));

        var result = SourceRunner.ReadFile(path);

        result.Events.Select(e => e.Value("eventID")).ShouldBe(["id-0", "id-1"]);
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("its Records array is not closed by ']'");
    }

    [Fact]
    public void Read_MissingCommaBetweenRecords_ReportedAndBothRead()
    {
        var path = _dir.Write("comma.json", "{\"Records\":[" + CloudTrailRecords.Record(0) + CloudTrailRecords.Record(1) + "]}");

        var result = SourceRunner.ReadFile(path);

        result.Events.Count.ShouldBe(2);
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("missing ',' between two records");
    }

    [Fact]
    public void Read_MembersAfterRecords_Skipped()
    {
        var path = _dir.Write("members.json", "{\"Records\":[" + CloudTrailRecords.Record(0) + "], \"Extra\": {\"a\": [1, 2]}, \"More\": \"x\"}\n" + CloudTrailRecords.OneLineFile(1, 1));

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Select(e => e.Value("eventID")).ShouldBe(["id-0", "id-1"]);
    }

    [Fact]
    public void Read_LargeFile_StreamedInSeveralBatches()
    {
        const int Count = 12_000;
        var path = _dir.WriteGzip("large.json.gz", CloudTrailRecords.OneLineFile(0, Count));

        var result = SourceRunner.ReadFile(path);

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(Count);
        result.BatchBytes.Count.ShouldBeGreaterThan(3);
        result.BatchBytes.Sum().ShouldBe(new FileInfo(path).Length);
        result.Events[^1].Value("eventID").ShouldBe("id-11999");
    }

    [Fact]
    public void Read_OtrfCloudTrailSample_AllRecordsWithTheirTimes()
    {
        var result = SourceRunner.ReadFile(SharedData.Path("cloudtrail", "otrf", "ec2_proxy_s3_exfiltration_2020-09-14011940.json"));

        result.Errors.ShouldBeEmpty();
        result.Events.Count.ShouldBe(103);
        result.Events.Select(e => e.Location).ShouldBe(Enumerable.Range(1, 103).Select(i => (long)i));
        result.Events.ShouldAllBe(e => e.TimestampTicks > 0 && e.Values("eventName").Count == 1 && e.Values("eventSource").Count == 1);
        result.Events[0].TimestampTicks.ShouldBe(new DateTime(2020, 9, 14, 0, 44, 23, DateTimeKind.Utc).Ticks);
        result.Events[^1].TimestampTicks.ShouldBe(new DateTime(2020, 9, 14, 1, 13, 20, DateTimeKind.Utc).Ticks);
        result.Events[0].Value("userIdentity.arn").ShouldBe("arn:aws:iam::123456789123:user/pedro");
    }
}

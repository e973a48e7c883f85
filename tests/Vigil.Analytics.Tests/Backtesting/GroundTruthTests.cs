using System.Text;
using System.Text.Json.Nodes;
using Vigil.Analytics.Backtesting;

namespace Vigil.Analytics.Tests.Backtesting;

public sealed class GroundTruthTests
{
    private const string Source = "truth.json";

    private const string Valid = """
        {
          "format": "vigil-truth/1",
          "seed": 1, "start": "2026-10-05T00:00:00Z", "end": "2026-11-02T00:00:00Z", "days": 28, "users": 200, "learning_days": 14,
          "scenarios": [
            { "id": "attack-01-password-spraying", "kind": "attack", "name": "password-spraying",
              "title": "Password spraying from WS-0142 (10.20.5.14) against 42 accounts on DC01",
              "techniques": ["T1110.003"],
              "start": "2026-10-21T10:02:00Z", "end": "2026-10-21T10:19:00Z",
              "users": ["jdoe", "asmith"], "hosts": ["WS-0142", "DC01"], "addresses": ["10.20.5.14"],
              "event_count": 43 },
            { "id": "benign-01-backup", "kind": "benign", "name": "backup-admin",
              "title": "Nightly backup logs on to 30 servers",
              "start": "2026-10-22T01:00:00+02:00", "end": "2026-10-22T01:30:00+02:00",
              "users": ["svc-backup"], "hosts": [], "addresses": ["2001:db8::5"],
              "event_count": 30 }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidDocument_ReadsEveryField()
    {
        var truth = GroundTruth.Parse(Valid, Source);

        truth.Seed.ShouldBe(1);
        truth.Start.ShouldBe(new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero));
        truth.End.ShouldBe(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        truth.Days.ShouldBe(28);
        truth.Users.ShouldBe(200);
        truth.LearningDays.ShouldBe(14);
        truth.Scenarios.Count.ShouldBe(2);
        var attack = truth.Scenarios[0];
        attack.Id.ShouldBe("attack-01-password-spraying");
        attack.Kind.ShouldBe(GroundTruthScenarioKind.Attack);
        attack.Name.ShouldBe("password-spraying");
        attack.Title.ShouldStartWith("Password spraying");
        attack.Techniques.ShouldBe(["T1110.003"]);
        attack.Start.ShouldBe(new DateTimeOffset(2026, 10, 21, 10, 2, 0, TimeSpan.Zero));
        attack.End.ShouldBe(new DateTimeOffset(2026, 10, 21, 10, 19, 0, TimeSpan.Zero));
        attack.Users.ShouldBe(["jdoe", "asmith"]);
        attack.Hosts.ShouldBe(["WS-0142", "DC01"]);
        attack.Addresses.ShouldBe(["10.20.5.14"]);
        attack.EventCount.ShouldBe(43);
        var benign = truth.Scenarios[1];
        benign.Kind.ShouldBe(GroundTruthScenarioKind.Benign);
        benign.Techniques.ShouldBeEmpty();
        benign.Start.ShouldBe(new DateTimeOffset(2026, 10, 21, 23, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_StreamWithByteOrderMark_ReadsIt()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Valid)]);

        GroundTruth.Parse(stream, Source).Scenarios.Count.ShouldBe(2);
    }

    [Fact]
    public void Load_File_ReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-truth-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Valid);
        try
        {
            GroundTruth.Load(path).Scenarios[0].Id.ShouldBe("attack-01-password-spraying");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-truth-{Guid.NewGuid():N}.json");

        var error = Should.Throw<GroundTruthException>(() => GroundTruth.Load(path));

        error.File.ShouldBe(path);
        error.Message.ShouldStartWith($"{path}: cannot read the file");
    }

    [Fact]
    public void Load_Folder_SaysItIsAFolder()
    {
        var folder = Path.GetTempPath();

        Should.Throw<GroundTruthException>(() => GroundTruth.Load(folder)).Message.ShouldBe($"{folder}: is a folder; expected a ground-truth file");
    }

    [Fact]
    public void Parse_InvalidUtf8_SaysSo()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.GetBytes("{\"format\": \""), 0xff, .. Encoding.UTF8.GetBytes("\"}")]);

        Should.Throw<GroundTruthException>(() => GroundTruth.Parse(stream, Source)).Message.ShouldBe("truth.json: not UTF-8 text");
    }

    [Fact]
    public void Parse_UnknownFields_AreIgnored()
    {
        var truth = Mutate(d =>
        {
            d["generator"] = "vigil 1.0";
            d["scenarios"]![0]!["notes"] = new JsonObject { ["x"] = 1 };
        });

        truth.Scenarios.Count.ShouldBe(2);
    }

    [Fact]
    public void Parse_WrongFormatTag_NamesFormat()
    {
        var error = Invalid(d => d["format"] = "vigil-truth/2");

        error.Field.ShouldBe("format");
        error.ScenarioIndex.ShouldBeNull();
        error.Message.ShouldBe("truth.json: format: expected \"vigil-truth/1\", found \"vigil-truth/2\"");
    }

    [Fact]
    public void Parse_NoFormatTag_SaysWhatAFileStartsWith()
        => Invalid(d => d.Remove("format")).Message.ShouldContain("missing; a ground-truth file starts with \"format\": \"vigil-truth/1\"");

    [Theory]
    [InlineData("seed")]
    [InlineData("start")]
    [InlineData("end")]
    [InlineData("days")]
    [InlineData("users")]
    [InlineData("learning_days")]
    [InlineData("scenarios")]
    public void Parse_MissingTopLevelField_NamesIt(string field)
    {
        var error = Invalid(d => d.Remove(field));

        error.Field.ShouldBe(field);
        error.Message.ShouldBe($"truth.json: {field}: missing (required)");
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("name")]
    [InlineData("title")]
    [InlineData("techniques")]
    [InlineData("start")]
    [InlineData("end")]
    [InlineData("users")]
    [InlineData("hosts")]
    [InlineData("addresses")]
    [InlineData("event_count")]
    public void Parse_MissingScenarioField_NamesScenarioAndField(string field)
    {
        var error = Invalid(d => Scenario(d, 0).Remove(field));

        error.ScenarioIndex.ShouldBe(0);
        error.ScenarioId.ShouldBe("attack-01-password-spraying");
        error.Field.ShouldBe(field);
        error.Message.ShouldBe($"truth.json: scenarios[0] (id \"attack-01-password-spraying\"): {field}: missing (required)");
    }

    [Fact]
    public void Parse_MissingId_NamesScenarioIndex()
        => Invalid(d => Scenario(d, 1).Remove("id")).Message.ShouldBe("truth.json: scenarios[1]: id: missing (required)");

    [Theory]
    [InlineData("2026-10-21 10:02")]
    [InlineData("2026-13-21T10:02:00Z")]
    [InlineData("yesterday")]
    [InlineData("2026-10-21T10:02:00")]
    [InlineData("2026-10-21")]
    public void Parse_BadTime_NamesFieldAndValue(string value)
    {
        var error = Invalid(d => Scenario(d, 0)["start"] = value);

        error.Field.ShouldBe("start");
        error.Message.ShouldContain($"expected an ISO-8601 time with a UTC offset (such as 2026-10-21T10:02:00Z), found \"{value}\"");
    }

    [Fact]
    public void Parse_TimeAsNumber_SaysWhatItFound()
        => Invalid(d => d["start"] = 1_700_000_000).Message.ShouldBe("truth.json: start: expected a string, found the number 1700000000");

    [Fact]
    public void Parse_ScenarioEndBeforeStart_NamesScenarioAndEnd()
    {
        var error = Invalid(d => Scenario(d, 0)["end"] = "2026-10-21T10:01:00Z");

        error.ScenarioIndex.ShouldBe(0);
        error.Field.ShouldBe("end");
        error.Message.ShouldEndWith("end: 2026-10-21T10:01:00Z is before start 2026-10-21T10:02:00Z");
    }

    [Fact]
    public void Parse_DocumentEndBeforeStart_NamesEnd()
        => Invalid(d => d["end"] = "2026-10-01T00:00:00Z").Field.ShouldBe("end");

    [Fact]
    public void Parse_DuplicateId_NamesBothScenarios()
    {
        var error = Invalid(d => Scenario(d, 1)["id"] = "attack-01-password-spraying");

        error.ScenarioIndex.ShouldBe(1);
        error.Field.ShouldBe("id");
        error.Message.ShouldBe(
            "truth.json: scenarios[1] (id \"attack-01-password-spraying\"): id: duplicate: scenarios[0] has the same id");
    }

    [Theory]
    [InlineData("T110")]
    [InlineData("t1110.003")]
    [InlineData("T1110.03")]
    [InlineData("T1110-003")]
    [InlineData("TA0006")]
    [InlineData(" T1110")]
    [InlineData("")]
    public void Parse_BadTechnique_NamesTheTechnique(string technique)
    {
        var error = Invalid(d => Scenario(d, 0)["techniques"] = new JsonArray("T1078", technique));

        error.Field.ShouldBe("techniques[1]");
        error.Message.ShouldContain($"\"{technique}\" is not an ATT&CK technique id (T1234 or T1234.567)");
    }

    [Fact]
    public void Parse_AttackWithoutTechniques_IsAnError()
        => Invalid(d => Scenario(d, 0)["techniques"] = new JsonArray()).Message.ShouldContain("needs at least one technique");

    [Fact]
    public void Parse_BenignTrapWithTechniques_IsAnError()
        => Invalid(d => Scenario(d, 1)["techniques"] = new JsonArray("T1078")).Message.ShouldContain("a benign trap has no techniques");

    [Fact]
    public void Parse_UnknownKind_NamesTheKind()
        => Invalid(d => Scenario(d, 0)["kind"] = "Attack").Message.ShouldEndWith("kind: expected \"attack\" or \"benign\", found \"Attack\"");

    [Theory]
    [InlineData("10.20.5")]
    [InlineData("WS-0142")]
    [InlineData("10.20.5.300")]
    public void Parse_BadAddress_NamesTheAddress(string address)
    {
        var error = Invalid(d => Scenario(d, 0)["addresses"] = new JsonArray("10.0.0.1", address));

        error.Field.ShouldBe("addresses[1]");
        error.Message.ShouldContain($"\"{address}\" is not an IP address");
    }

    [Fact]
    public void Parse_ScenarioWithoutEntities_IsAnError()
    {
        var error = Invalid(d =>
        {
            Scenario(d, 1)["users"] = new JsonArray();
            Scenario(d, 1)["addresses"] = new JsonArray();
        });

        error.ScenarioId.ShouldBe("benign-01-backup");
        error.Message.ShouldContain("no alert could match the scenario");
    }

    [Fact]
    public void Parse_UserWithOnlyADomain_IsAnError()
        => Invalid(d => Scenario(d, 0)["users"] = new JsonArray("CORP\\")).Field.ShouldBe("users[0]");

    [Theory]
    [InlineData("days", 0)]
    [InlineData("users", 0)]
    [InlineData("learning_days", 29)]
    [InlineData("learning_days", -1)]
    public void Parse_CountOutOfRange_NamesTheField(string field, int value)
        => Invalid(d => d[field] = value).Field.ShouldBe(field);

    [Fact]
    public void Parse_FractionalDays_IsAnError()
        => Invalid(d => d["days"] = 27.5).Message.ShouldBe("truth.json: days: expected an integer (32-bit), found the number 27.5");

    [Fact]
    public void Parse_PropertyGivenTwice_IsAnError()
    {
        var json = Valid.Replace("\"seed\": 1,", "\"seed\": 1, \"seed\": 2,", StringComparison.Ordinal);

        Should.Throw<GroundTruthException>(() => GroundTruth.Parse(json, Source)).Message.ShouldBe("truth.json: seed: given more than once");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"format\": \"vigil-truth/1\",")]
    [InlineData("<truth/>")]
    public void Parse_NotJson_SaysSo(string text)
        => Should.Throw<GroundTruthException>(() => GroundTruth.Parse(text, Source)).Message.ShouldStartWith("truth.json: not valid JSON: ");

    [Fact]
    public void Parse_ArrayRoot_SaysAnObjectWasExpected()
        => Should.Throw<GroundTruthException>(() => GroundTruth.Parse("[]", Source)).Message.ShouldBe("truth.json: expected an object, found an array");

    [Fact]
    public void Parse_DeepNesting_IsRejected()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var json = Valid.Replace("\"seed\": 1,", $"\"extra\": {deep}, \"seed\": 1,", StringComparison.Ordinal);

        Should.Throw<GroundTruthException>(() => GroundTruth.Parse(json, Source)).Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void Parse_StreamLargerThanTheLimit_IsRejected()
    {
        using var stream = new EndlessStream();

        Should.Throw<GroundTruthException>(() => GroundTruth.Parse(stream, Source)).Message.ShouldBe(
            "truth.json: larger than 64 MiB, the most a ground-truth file may be");
    }

    private static GroundTruth Mutate(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(Valid)!.AsObject();
        change(document);
        return GroundTruth.Parse(document.ToJsonString(), Source);
    }

    private static GroundTruthException Invalid(Action<JsonObject> change) => Should.Throw<GroundTruthException>(() => Mutate(change));

    private static JsonObject Scenario(JsonObject document, int index) => document["scenarios"]![index]!.AsObject();

    /// <summary>A stream of spaces that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using Vigil.Ingest.Normalization;

namespace Vigil.Ingest.Tests.Normalization;

public sealed class NormalizationMapParserTests
{
    private const string Valid = """
        source: test
        match: { kind: [a] }
        attributes:
          device.hostname: host
        classes:
          - when: { op: [login] }
            class: { uid: 3002, name: Authentication }
            activity: { value: '1' }
            status: { field: result, map: { ok: Success }, default: Failure }
          - class: { uid: 0, name: Base Event }
        """;

    [Fact]
    public void Parse_Valid_AllParts()
    {
        var mapping = NormalizationMapParser.Parse(Valid, "test.yaml");

        mapping.Source.ShouldBe("test");
        mapping.Match.ShouldHaveSingleItem().Field.ShouldBe("kind");
        mapping.Attributes.ShouldHaveSingleItem().Path.ShouldBe("device.hostname");
        mapping.Classes.Count.ShouldBe(2);
        mapping.Classes[0].ClassUid.ShouldBe(3002);
        mapping.Classes[1].When.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("source: x\nmatch: { a: b }\nclasses: []\n", 3, "'classes' is empty")]
    [InlineData("source: x\nmatch: {}\nclasses:\n  - class: { uid: 0, name: Base Event }\n", 2, "'match' is empty")]
    [InlineData("source: x\nmatch: { a: b }\nclasses:\n  - class: { uid: 12, name: X }\n", 4, "OCSF class uid")]
    [InlineData("source: x\nmatch: { a: b }\nclasses:\n  - class: { uid: 3002, name: A }\n    activity: { value: logon }\n", 5, "activity_id number")]
    [InlineData("source: x\nmatch: { a: b }\nclasses:\n  - class: { uid: 3002, name: A }\n    status: { value: Great }\n", 5, "OCSF status is one of")]
    [InlineData("source: x\nmatch: { a: b }\nattributes:\n  Actor.User: f\nclasses:\n  - class: { uid: 0, name: B }\n", 4, "dotted lower-case")]
    [InlineData("source: x\nmatch: { a: b }\nattributes:\n  class_uid: f\nclasses:\n  - class: { uid: 0, name: B }\n", 4, "set by the normalizer")]
    [InlineData("source: x\nmatch: { a: b }\nattributes:\n  user: f\n  user.name: g\nclasses:\n  - class: { uid: 0, name: B }\n", 5, "one is an object holding the other")]
    [InlineData("source: x\nmatch: { a: b }\nattributes:\n  user.name: { template: '{a' }\nclasses:\n  - class: { uid: 0, name: B }\n", 4, "unclosed")]
    [InlineData("source: x\nmatch: { a: b }\nattributes:\n  user.name: { field: a, pattern: '(' }\nclasses:\n  - class: { uid: 0, name: B }\n", 4, "invalid regular expression")]
    [InlineData("source: x\nmatch: { a: b }\nattributes:\n  user.name: { field: a, value: b }\nclasses:\n  - class: { uid: 0, name: B }\n", 4, "exactly one of")]
    [InlineData("source: x\nmatch: { a: b }\nattributes:\n  user.name: { field: a, default: b }\nclasses:\n  - class: { uid: 0, name: B }\n", 4, "'default' applies only with 'map'")]
    [InlineData("source: x\nmatch: { a: b }\nclasses:\n  - class: { uid: 0, name: B }\n    colour: red\n", 5, "unknown key 'colour'")]
    [InlineData("source: Bad Id\nmatch: { a: b }\nclasses:\n  - class: { uid: 0, name: B }\n", 1, "lower case")]
    [InlineData("source: x\nmatch: { a: [b, '*'] }\nclasses:\n  - class: { uid: 0, name: B }\n", 2, "must stand alone")]
    [InlineData("source: x\nmatch: { a: b\n", 3, "invalid YAML")]
    public void Parse_Invalid_ErrorNamesLineAndReason(string yaml, int line, string reason)
    {
        var ex = Should.Throw<NormalizationMapException>(() => NormalizationMapParser.Parse(yaml, "bad.yaml"));

        ex.File.ShouldBe("bad.yaml");
        ex.Line.ShouldBe(line);
        ex.Reason.ShouldContain(reason);
    }

    [Fact]
    public void FromTexts_BadFileReportedOthersLoad()
    {
        var map = NormalizationMap.FromTexts(
        [
            ("a.yaml", Valid),
            ("b.yaml", "source: broken\n"),
            ("c.yaml", Valid),
            ("d.yaml", null),
        ]);

        map.Mappings.ShouldHaveSingleItem().File.ShouldBe("a.yaml");
        map.Errors.Select(e => e.File).ShouldBe(["b.yaml", "c.yaml", "d.yaml"]);
        map.Errors[1].Reason.ShouldContain("already defined in a.yaml");
        map.Errors[2].Reason.ShouldContain("cannot read");
    }

    [Fact]
    public void Load_MissingFolder_Throws()
        => Should.Throw<DirectoryNotFoundException>(() => NormalizationMap.Load("/nonexistent/maps"));
}

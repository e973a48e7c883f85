using Vigil.Detection.Logsources;

namespace Vigil.Detection.Tests.Logsources;

public sealed class LogsourceMapValidationTests
{
    public static TheoryData<string, int, string> BadMaps => new()
    {
        { "", 1, "empty" },
        { "- a\n- b\n", 1, "must be a mapping" },
        { "logsources: []\n", 1, "'logsources' is empty" },
        { "version: 1\nlogsources: []\n", 1, "unknown key 'version'" },
        { "logsources:\n  - product: p\n    colour: red\n    variants: []\n", 3, "unknown key 'colour'" },
        { "logsources:\n  - note: x\n    variants: []\n", 2, "at least one of 'product', 'category' or 'service'" },
        { "logsources:\n  - product: p\n", 2, "lacks the key 'variants'" },
        { "logsources:\n  - product: p\n    variants: []\n", 3, "'variants' of p/*/* is empty" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n", 4, "lacks the key 'conditions'" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions: {}\n", 5, "'conditions' of variant 'v' of p/*/* is empty" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions:\n          A: []\n", 6, "lists no values" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions:\n          A: [x, '*']\n", 6, "'*' must stand alone" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions:\n          A:\n", 6, "the value of condition 'A' is empty" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions:\n          A: { b: c }\n", 6, "must be a list" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions: { A: x, a: y }\n", 5, "appears twice" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions: { A: x }\n        fields: [Image]\n", 6, "'fields' of variant 'v' of p/*/* must be a mapping" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions: { A: x }\n      - name: V\n        conditions: { A: y }\n", 6, "variant name 'V' is used twice" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions: { A: x }\n  - product: P\n    variants:\n      - name: w\n        conditions: { A: y }\n", 6, "defined twice" },
        { "logsources:\n  - product: p\n    variants:\n      - name: v\n        conditions: { A: [x\n", 6, "invalid YAML" },
        { "logsources:\n  - product: [a, b]\n    variants: []\n", 2, "'product' must be a single value" },
    };

    [Theory]
    [MemberData(nameof(BadMaps))]
    public void Parse_InvalidMap_ThrowsWithFileLineAndReason(string yaml, int line, string reason)
    {
        var ex = Should.Throw<LogsourceMapException>(() => LogsourceMap.Parse(yaml, "bad.yaml"));

        ex.SourceName.ShouldBe("bad.yaml");
        ex.Line.ShouldBe(line, ex.Message);
        ex.Reason.ShouldContain(reason, Case.Insensitive, ex.Message);
        ex.Message.ShouldStartWith($"bad.yaml({line},");
    }

    [Fact]
    public void Load_InvalidFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-logsources-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "logsources:\n  - product: p\n    variants: []\n");
        try
        {
            var ex = Should.Throw<LogsourceMapException>(() => LogsourceMap.Load(path));
            ex.SourceName.ShouldBe(path);
            ex.Line.ShouldBe(3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CreateClassifier_SchemaWithoutConditionFields_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => TestEvents.RepoMap.CreateClassifier(new Core.Events.EventSchema(["Channel"])));

        ex.Message.ShouldContain("EventID");
    }
}

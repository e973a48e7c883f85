using Vigil.Detection.Logsources;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Tests.Logsources;

public sealed class LogsourceMapTests
{
    private static LogsourceMap Map => TestEvents.RepoMap;

    [Fact]
    public void Load_RepositoryMap_HasDenseIdsAndSaneVariants()
    {
        Map.Variants.Count.ShouldBeGreaterThan(100);
        for (var i = 0; i < Map.Variants.Count; i++)
        {
            var v = Map.Variants[i];
            v.Id.ShouldBe(i);
            v.Name.ShouldNotBeNullOrWhiteSpace();
            (v.Product ?? v.Category ?? v.Service).ShouldNotBeNull();
            v.Conditions.ShouldNotBeEmpty(v.ToString());
            v.ConditionFields.Count.ShouldBe(v.Conditions.Count, v.ToString());
            foreach (var c in v.Conditions)
            {
                c.Field.ShouldNotBeNullOrWhiteSpace();
                c.Values.ShouldAllBe(value => !string.IsNullOrWhiteSpace(value) && value != "*");
            }

            foreach (var (sigma, target) in v.FieldMappings)
            {
                sigma.ShouldNotBeNullOrWhiteSpace();
                target.ShouldNotBeNullOrWhiteSpace();
            }

            // A variant tested only for field existence needs two fields or a very specific name to be discriminating.
            if (v.Conditions.All(c => c.IsExistence) && v.Conditions.Count == 1)
            {
                new[] { "appname", "riskEventType", "gcp.audit.method_name", "c-uri" }.ShouldContain(v.Conditions[0].Field, StringComparer.Ordinal);
            }
        }
    }

    [Fact]
    public void Load_RepositoryMap_EverySysmonCategoryIsCovered()
    {
        var sysmon = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["process_creation"] = ["1"], ["file_change"] = ["2"], ["network_connection"] = ["3"], ["sysmon_status"] = ["4", "16"],
            ["process_termination"] = ["5"], ["driver_load"] = ["6"], ["image_load"] = ["7"], ["create_remote_thread"] = ["8"],
            ["raw_access_thread"] = ["9"], ["process_access"] = ["10"], ["file_event"] = ["11"], ["registry_add"] = ["12"],
            ["registry_delete"] = ["12"], ["registry_set"] = ["13"], ["registry_rename"] = ["14"], ["registry_event"] = ["12", "13", "14"],
            ["create_stream_hash"] = ["15"], ["pipe_created"] = ["17", "18"], ["wmi_event"] = ["19", "20", "21"], ["dns_query"] = ["22"],
            ["file_delete"] = ["23", "26"], ["clipboard_capture"] = ["24"], ["process_tampering"] = ["25"],
            ["file_executable_detected"] = ["29"], ["sysmon_error"] = ["255"],
        };
        foreach (var (category, ids) in sysmon)
        {
            var variant = Map.Resolve(new SigmaLogsource("windows", category, null))
                .Single(v => v.Name.StartsWith("sysmon-", StringComparison.Ordinal));
            variant.Conditions.Single(c => string.Equals(c.Field, "Channel", StringComparison.Ordinal)).Values.ShouldBe(["Microsoft-Windows-Sysmon/Operational"]);
            variant.Conditions.Single(c => string.Equals(c.Field, "EventID", StringComparison.Ordinal)).Values.ShouldBe(ids, ignoreOrder: true);
        }
    }

    [Fact]
    public void Resolve_ProductAndCategory_ReturnsEveryVariantOfThatDefinition()
    {
        var variants = Map.Resolve(new SigmaLogsource("windows", "process_creation", null));

        variants.Select(v => v.Name).ShouldBe(["sysmon-1", "security-4688"]);
    }

    [Fact]
    public void Resolve_IgnoresCase()
        => Map.Resolve(new SigmaLogsource("Windows", "Process_Creation", null)).Count.ShouldBe(2);

    [Fact]
    public void Resolve_KeyTheDefinitionLacks_DoesNotMatch()
    {
        Map.Resolve(new SigmaLogsource("windows", "process_creation", "security")).ShouldBeEmpty();
        Map.Resolve(new SigmaLogsource(null, null, "security")).ShouldHaveSingleItem().Product.ShouldBe("windows");
    }

    [Fact]
    public void Resolve_OnlyProduct_ReturnsAllDefinitionsOfTheProduct()
    {
        var variants = Map.Resolve(new SigmaLogsource("linux", null, null));

        variants.ShouldContain(v => v.Service == "auditd");
        variants.ShouldContain(v => v.Category == "process_creation");
        variants.ShouldAllBe(v => v.Product == "linux");
        variants.Select(v => v.Id).ShouldBeInOrder();
    }

    [Fact]
    public void Resolve_Any_ReturnsEveryVariant()
        => Map.Resolve(SigmaLogsource.Any).Count.ShouldBe(Map.Variants.Count);

    [Fact]
    public void Resolve_UnknownLogsource_ReturnsEmpty()
    {
        Map.Resolve(new SigmaLogsource("macos", "process_creation", null)).ShouldBeEmpty();
        Map.Resolve(new SigmaLogsource("windows", "no_such_category", null)).ShouldBeEmpty();
    }

    [Fact]
    public void MapField_Security4688_MapsSigmaNamesAndIgnoresCase()
    {
        var v = Map.Resolve(new SigmaLogsource("windows", "process_creation", null)).Single(x => string.Equals(x.Name, "security-4688", StringComparison.Ordinal));

        v.MapField("Image").ShouldBe("NewProcessName");
        v.MapField("parentimage").ShouldBe("ParentProcessName");
        v.MapField("User").ShouldBe("SubjectUserName");
        v.MapField("CommandLine").ShouldBe("CommandLine");
    }

    [Fact]
    public void ConditionFieldNames_HoldsTheDiscriminatingFields()
    {
        Map.ConditionFieldNames.ShouldContain("Channel", StringComparer.OrdinalIgnoreCase);
        Map.ConditionFieldNames.ShouldContain("EventID", StringComparer.OrdinalIgnoreCase);
        Map.ConditionFieldNames.ShouldContain("eventSource", StringComparer.OrdinalIgnoreCase);
        Map.ConditionFieldNames.ShouldNotContain("Image", StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void LoadDefault_FromTests_FindsTheRepositoryMap()
    {
        var path = LogsourceMap.FindDefaultPath().ShouldNotBeNull();
        Path.GetFullPath(path).ShouldBe(Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "maps", "logsources.yaml")));
        LogsourceMap.LoadDefault().Variants.Count.ShouldBe(Map.Variants.Count);
    }

    [Fact]
    public void Parse_ScalarValueAndStar_AreOneValueAndExistence()
    {
        var map = LogsourceMap.Parse(
            """
            logsources:
              - product: p
                variants:
                  - name: v
                    conditions: { A: x, B: '*', C: [1, "1", 2] }
            """,
            "inline.yaml");

        var conditions = map.Variants.ShouldHaveSingleItem().Conditions;
        conditions[0].Values.ShouldBe(["x"]);
        conditions[1].IsExistence.ShouldBeTrue();
        conditions[2].Values.ShouldBe(["1", "2"]);
    }
}

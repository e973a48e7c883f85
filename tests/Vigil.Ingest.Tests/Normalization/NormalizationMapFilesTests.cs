using System.Globalization;
using Vigil.Ingest.Normalization;
using Vigil.Ingest.Tests.Support;

namespace Vigil.Ingest.Tests.Normalization;

/// <summary>The maps shipped in maps/normalize load cleanly and agree with the OCSF class list in ../shared/data/ocsf.</summary>
public sealed class NormalizationMapFilesTests
{
    private static readonly Lazy<NormalizationMap> Shipped = new(() => NormalizationMap.Load(System.IO.Path.Combine(SharedData.RepoRoot, "maps", "normalize")));

    [Fact]
    public void ShippedMaps_LoadWithoutErrors()
    {
        var map = Shipped.Value;

        map.Errors.Select(e => e.Message).ShouldBeEmpty();
        map.Mappings.Count.ShouldBeGreaterThanOrEqualTo(12);
        map.Mappings.Select(m => m.Source).Distinct(StringComparer.Ordinal).Count().ShouldBe(map.Mappings.Count);
    }

    [Fact]
    public void ShippedMaps_ClassesAndActivitiesAreOcsf()
    {
        var classes = File.ReadAllLines(SharedData.DataPath("ocsf", "classes.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .ToDictionary(
                cols => int.Parse(cols[0], CultureInfo.InvariantCulture),
                cols => (Caption: cols[2], Activities: ActivityIds(cols.Length > 6 ? cols[6] : string.Empty)));
        var problems = new List<string>();
        foreach (var mapping in Shipped.Value.Mappings)
        {
            foreach (var cls in mapping.Classes)
            {
                if (cls.ClassUid == 0)
                {
                    cls.ClassName.ShouldBe("Base Event");
                    continue;
                }

                if (!classes.TryGetValue(cls.ClassUid, out var ocsf))
                {
                    problems.Add($"{mapping.Source}: class {cls.ClassUid} is not an OCSF class");
                    continue;
                }

                if (!string.Equals(ocsf.Caption, cls.ClassName, StringComparison.Ordinal))
                {
                    problems.Add($"{mapping.Source}: class {cls.ClassUid} is '{ocsf.Caption}' in OCSF, not '{cls.ClassName}'");
                }

                foreach (var activity in Constants(cls.Activity))
                {
                    var id = int.Parse(activity, CultureInfo.InvariantCulture);
                    if (id is not (0 or 99) && !ocsf.Activities.Contains(id))
                    {
                        problems.Add($"{mapping.Source}: activity {id} is not an activity of OCSF class {cls.ClassUid} {ocsf.Caption}");
                    }
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void ShippedMaps_EveryMappingEndsWithAFallbackClass()
    {
        foreach (var mapping in Shipped.Value.Mappings)
        {
            mapping.Classes[^1].When.ShouldBeEmpty($"{mapping.Source}: the last class entry should have no 'when', so that every event of the source gets a class");
        }
    }

    private static HashSet<int> ActivityIds(string column)
        => [.. column.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Split('=')[0], CultureInfo.InvariantCulture))];

    private static IEnumerable<string> Constants(ValueSpec? spec) => spec switch
    {
        ConstantValueSpec c => [c.Value],
        MappedValueSpec m => m.Default is null ? m.Produced : [.. m.Produced, m.Default],
        _ => [],
    };
}

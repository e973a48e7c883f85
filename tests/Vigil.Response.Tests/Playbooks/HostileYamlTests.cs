using System.Diagnostics;
using System.Text;
using Vigil.Response.Playbooks;
using Vigil.Response.Policy;

namespace Vigil.Response.Tests.Playbooks;

public sealed class HostileYamlTests
{
    [Fact]
    public void Parse_DeeplyNestedFlowSequences_IsRefusedQuickly()
    {
        var text = "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var (errors, elapsed) = Timed(() => PlaybookLoader.Parse(text, "p.yaml").Errors);

        errors.ShouldHaveSingleItem().Message.ShouldContain($"nesting deeper than {ResponseYaml.MaxDepth} levels");
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Parse_AliasBomb_IsRefusedAtTheFirstAlias()
    {
        var builder = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            builder.Append(CultureInfo(i)).Append(": &").Append(CultureInfo(i)).Append(" [");
            builder.AppendJoin(", ", Enumerable.Repeat("*" + (i == 1 ? "a" : CultureInfo(i - 1)), 10));
            builder.Append("]\n");
        }

        var (errors, elapsed) = Timed(() => DecisionRightsLoader.Parse(builder.ToString(), "d.yaml").Errors);

        errors.ShouldHaveSingleItem().ToString().ShouldStartWith("d.yaml(2,");
        errors[0].Message.ShouldContain("aliases");
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Parse_TextOverOneMebibyte_IsRefusedBeforeParsing()
    {
        var text = "name: " + new string('x', (int)ResponseYaml.MaxBytes) + "\n";

        var errors = PlaybookLoader.Parse(text, "p.yaml").Errors;

        errors.ShouldHaveSingleItem().ToString().ShouldBe("p.yaml: the file is larger than 1024 KiB; it is skipped");
    }

    [Fact]
    public void LoadDirectory_FileOverOneMebibyte_IsReportedAndSkipped()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-hostile-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "big.yaml"), "# " + new string('x', (int)ResponseYaml.MaxBytes));

            var set = PlaybookLoader.LoadDirectory(dir.FullName);

            set.Playbooks.ShouldBeEmpty();
            set.Errors.ShouldHaveSingleItem().Message.ShouldContain("larger than 1024 KiB");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_LargeScalarUnderTheLimit_IsJustAValue()
    {
        var text = "name: " + new string('x', 500_000) + "\ntrigger: {min_severity: low}\nsteps: [{id: a, action: notify, target: x}]\n";

        var set = PlaybookLoader.Parse(text, "p.yaml");

        set.Errors.ShouldBeEmpty();
        set.Playbooks[0].Name.Length.ShouldBe(500_000);
    }

    [Fact]
    public void Parse_TooManyNodes_IsRefused()
    {
        var text = "a: [" + string.Join(",", Enumerable.Repeat("1", ResponseYaml.MaxNodes + 10)) + "]\n";

        var errors = PlaybookLoader.Parse(text, "p.yaml").Errors;

        errors.ShouldHaveSingleItem().Message.ShouldContain($"more than {ResponseYaml.MaxNodes} YAML nodes");
    }

    private static string CultureInfo(int i) => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static (T Result, TimeSpan Elapsed) Timed<T>(Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        return (result, watch.Elapsed);
    }
}

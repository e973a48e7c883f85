using Vigil.Detection.Engine;
using Vigil.Detection.Sigma.Parsing;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>Garbled rule files never crash the loader: every document either loads or is reported with a reason.</summary>
public sealed class HostileRuleInputTests
{
    private const string Seed = """
        title: Seed rule
        id: 1a2b3c4d-0000-4000-8000-000000000001
        logsource:
            product: windows
            category: process_creation
        detection:
            selection:
                Image|endswith: '\cmd.exe'
                CommandLine|contains|all:
                    - '/c'
                    - 'whoami'
                Hash|re: '^[0-9a-f]{32}$'
                DestinationIp|cidr: 10.0.0.0/8
            filter:
                User|startswith: 'NT AUTHORITY'
            condition: selection and not filter
        level: high
        """;

    [Fact]
    public void Loader_SurvivesRandomMutationsOfARule()
    {
        var random = new Random(20261123);
        const string alphabet = "|:-*?\\'\"[]{}()&!#%@ \n\tabcXYZ019";
        for (var i = 0; i < 2000; i++)
        {
            var chars = Seed.ToCharArray().ToList();
            var edits = random.Next(1, 8);
            for (var e = 0; e < edits; e++)
            {
                var position = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars.RemoveAt(position);
                        break;
                    case 1:
                        chars.Insert(position, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        chars[position] = alphabet[random.Next(alphabet.Length)];
                        break;
                }
            }

            var text = new string([.. chars]);
            var report = new SigmaRuleLoader().LoadText(text, $"mutant-{i}.yml");
            foreach (var failure in report.Failures)
            {
                failure.Diagnostic.Message.ShouldNotBeNullOrWhiteSpace();
                failure.Diagnostic.File.ShouldBe($"mutant-{i}.yml");
            }

            // Whatever loaded must also compile.
            var engine = new DetectionEngineBuilder().AddRules(report.Rules).Build();
            engine.Rules.ShouldAllBe(r => r.State != RuleState.Failed);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n---\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("title: [unclosed")]
    [InlineData("title: x\ndetection: 5\n")]
    [InlineData("title: x\nlogsource: 5\ndetection:\n  a:\n    b: 1\n  condition: a\n")]
    [InlineData("title: x\ndetection:\n  a:\n    b:\n      c: d\n  condition: a\n")]
    [InlineData("title: x\ndetection:\n  condition: a\n")]
    [InlineData("title: x\nfilter:\n  rules: []\n  a:\n    b: 1\n  condition: a\n")]
    [InlineData("title: x\ncorrelation:\n  type: nope\n")]
    [InlineData("&a [*a, *a]")]
    public void Loader_ReportsMalformedDocumentsWithoutThrowing(string text)
    {
        var report = new SigmaRuleLoader().LoadText(text, "bad.yml");
        report.Rules.ShouldBeEmpty();
        report.Failures.ShouldAllBe(f => f.Diagnostic.Message.Length > 0);
    }
}

using Vigil.Response.Playbooks;
using Vigil.Response.Policy;
using Vigil.Response.Tests.Playbooks;

namespace Vigil.Response.Tests.Policy;

public sealed class ExampleFilesTests
{
    [Fact]
    public void Examples_PlaybooksAndDecisionRights_ParseWithZeroErrors()
    {
        var folder = TestAlerts.ExamplesFolder();

        var playbooks = PlaybookLoader.LoadDirectory(Path.Combine(folder, "playbooks"));
        var policy = DecisionRightsLoader.Load(Path.Combine(folder, "policy", "decision-rights.yaml"));

        playbooks.Errors.ShouldBeEmpty();
        playbooks.Playbooks.Count.ShouldBe(4);
        policy.Errors.ShouldBeEmpty();
        policy.Policy!.Mode.ShouldBe(PolicyMode.Enforce);
    }
}

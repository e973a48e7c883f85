using Microsoft.Data.Sqlite;
using Vigil.Cli.Serving;
using Vigil.Cli.Tests.Support;
using Vigil.Response.Playbooks;

namespace Vigil.Cli.Tests.Serving;

public sealed class ResponseSetupTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Build_WithoutActionWebhook_RunsTheWorkspacePolicyInShadowMode()
    {
        var workspace = _dir.PathOf("ws");
        VigilCli.Run("init", workspace).ExitCode.ShouldBe(ExitCodes.Ok);
        var notes = new List<string>();
        var built = ResponseSetup.Build(workspace, _dir.PathOf("audit.db"), null, null, TextWriter.Null, notes.Add);

        built.ShouldNotBeNull();
        using var audit = built.Value.Audit;
        notes.ShouldContain(n => n.Contains("shadow mode", StringComparison.Ordinal));
        var alert = new ResponseAlert("a1", "rule:x", ResponseSeverity.Critical, 0.95, ["T1059.001"], "WS-1", "jdoe", null, AssetCriticality.Medium, ["workstation"], DateTimeOffset.UnixEpoch);
        var actions = await built.Value.Engine.HandleAsync(alert, inMaintenance: false, CancellationToken.None);
        actions.ShouldNotBeEmpty();
        actions.ShouldAllBe(a => a.State == Vigil.Response.Engine.ActionState.Shadow);
        audit.Verify().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Build_WorkspaceWithoutPolicy_GivesNoEngine()
    {
        var workspace = _dir.PathOf("ws");
        VigilCli.Run("init", workspace).ExitCode.ShouldBe(ExitCodes.Ok);
        File.Delete(Path.Combine(workspace, "policy", "decision-rights.yaml"));
        var notes = new List<string>();
        ResponseSetup.Build(workspace, _dir.PathOf("audit.db"), null, null, TextWriter.Null, notes.Add).ShouldBeNull();
        notes.ShouldContain(n => n.Contains("no automated response", StringComparison.Ordinal));
    }
}

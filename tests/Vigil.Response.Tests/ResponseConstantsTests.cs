namespace Vigil.Response.Tests;

public sealed class ResponseConstantsTests
{
    [Fact]
    public void WorkspaceFolders_AreTheOnesVigilInitWrites()
    {
        ResponseConstants.PlaybooksFolder.ShouldBe("playbooks");
        ResponseConstants.PolicyFolder.ShouldBe("policy");
    }
}

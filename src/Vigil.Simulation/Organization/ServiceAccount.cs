namespace Vigil.Simulation.Organization;

/// <summary>A service account: the account, where its service runs, and the hosts it reaches.</summary>
/// <param name="Id">The identity id (<c>svc-backup</c>).</param>
/// <param name="Account">The Windows account (Linux service accounts: the corporate domain).</param>
/// <param name="Description">What it is for.</param>
/// <param name="Privileged">Whether it is privileged.</param>
/// <param name="Groups">Its directory groups.</param>
/// <param name="Home">The host its service runs on.</param>
internal sealed record ServiceAccount(string Id, Account Account, string Description, bool Privileged, IReadOnlyList<string> Groups, Host Home)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}

namespace Vigil.Ingest.Enrichment;

/// <summary>Settings for loading the organisation's context.</summary>
public sealed class ContextOptions
{
    /// <summary>Gets the organisation's domains (NetBIOS such as <c>CORP</c>, DNS such as <c>corp.example</c>) beyond those the
    /// identities declare or imply; <c>user@domain</c> and <c>DOMAIN\user</c> resolve by their user part only in these.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyCollection<string> KnownDomains { get; init; } = [];

    /// <summary>Gets more account names treated as system principals (for example <c>root</c> if the organisation wants it so).</summary>
    /// <value>Empty by default; the built-in list (SYSTEM, LOCAL SERVICE, NETWORK SERVICE, S-1-5-18/19/20...) always applies.</value>
    public IReadOnlyCollection<string> SystemAccounts { get; init; } = [];

    /// <summary>Gets the clock, used only to stamp the load and count indicators already expired.</summary>
    /// <value><see cref="TimeProvider.System"/> by default.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

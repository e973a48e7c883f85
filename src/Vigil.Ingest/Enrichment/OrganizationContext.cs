using Vigil.Ingest.Enrichment.Assets;
using Vigil.Ingest.Enrichment.Identities;
using Vigil.Ingest.Enrichment.Indicators;

namespace Vigil.Ingest.Enrichment;

/// <summary>
/// The organisation's context for enrichment: its assets, identities and indicators, loaded from a folder of CSV,
/// YAML and STIX files (see docs/context.md). Immutable and thread-safe once loaded.
/// </summary>
public sealed class OrganizationContext
{
    internal OrganizationContext(AssetResolver assets, IdentityResolver identities, IndicatorSet indicators, DateTimeOffset loadedAt)
    {
        Assets = assets;
        Identities = identities;
        Indicators = indicators;
        LoadedAt = loadedAt;
    }

    /// <summary>Gets the asset inventory and its resolver.</summary>
    public AssetResolver Assets { get; }

    /// <summary>Gets the identity directory and its resolver.</summary>
    public IdentityResolver Identities { get; }

    /// <summary>Gets the indicators.</summary>
    public IndicatorSet Indicators { get; }

    /// <summary>Gets when the context was loaded (from the options' clock).</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Creates a context that knows nothing: every user and host is unresolved, no indicator matches.</summary>
    /// <param name="options">The options (known domains, system accounts, clock); defaults when null.</param>
    /// <returns>The empty context.</returns>
    public static OrganizationContext Empty(ContextOptions? options = null)
    {
        options ??= new ContextOptions();
        var assets = new AssetInventoryBuilder().Build();
        var identities = new IdentityDirectoryBuilder().Build(options.KnownDomains, options.SystemAccounts, assets);
        return new OrganizationContext(assets, identities, new IndicatorSetBuilder().Build(), options.TimeProvider.GetUtcNow());
    }

    /// <summary>
    /// Loads and validates every context file under <paramref name="directory"/>: <c>assets.csv|yaml|yml</c>,
    /// <c>identities.csv|yaml|yml</c>, <c>indicators*.csv</c>, and STIX 2.1 bundles <c>*.json</c>, at any depth.
    /// A bad row or object is reported and skipped; the rest loads. Never throws for bad content.
    /// </summary>
    /// <param name="directory">The context folder.</param>
    /// <param name="options">Known domains, extra system accounts and the clock; defaults when null.</param>
    /// <returns>The context and the errors.</returns>
    public static ContextLoadResult Load(string directory, ContextOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return ContextLoader.Load(directory, options ?? new ContextOptions());
    }
}

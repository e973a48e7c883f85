using Vigil.Ingest.Enrichment.Assets;
using Vigil.Ingest.Enrichment.Identities;
using Vigil.Ingest.Enrichment.Indicators;
using Vigil.Ingest.Enrichment.Input;

namespace Vigil.Ingest.Enrichment;

/// <summary>Finds the context files of a folder by name and loads them: assets first, then identities, then indicators.</summary>
internal static class ContextLoader
{
    private static readonly string[] AssetRootKeys = ["assets"];
    private static readonly string[] IdentityRootKeys = ["domains", "identities"];

    public static ContextLoadResult Load(string directory, ContextOptions options)
    {
        var errors = new ContextErrors();
        var assets = new AssetInventoryBuilder();
        var identities = new IdentityDirectoryBuilder();
        var indicators = new IndicatorSetBuilder();
        var stix = new StixCollector();
        var read = new List<string>();
        var ignored = new List<string>();
        var files = new List<(string Path, string Name, ContextFileKind Kind)>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new ContextError(directory, 0, 0, "the context folder does not exist"));
        }
        else
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            {
                var name = Path.GetRelativePath(directory, path).Replace('\\', '/');
                var kind = KindOf(Path.GetFileName(path));
                if (kind == ContextFileKind.None)
                {
                    ignored.Add(name);
                }
                else
                {
                    files.Add((path, name, kind));
                }
            }
        }

        files.Sort((a, b) => Stage(a.Kind) != Stage(b.Kind) ? Stage(a.Kind).CompareTo(Stage(b.Kind)) : string.CompareOrdinal(a.Name, b.Name));
        ignored.Sort(StringComparer.Ordinal);
        foreach (var (path, name, kind) in files)
        {
            read.Add(name);
            switch (kind)
            {
                case ContextFileKind.AssetsCsv:
                    CsvRows.Read(path, name, AssetInventoryBuilder.Columns, errors).ForEach(row => assets.Add(row, errors));
                    break;
                case ContextFileKind.AssetsYaml:
                    if (YamlRows.ReadRoot(path, name, errors) is { } assetRoot)
                    {
                        YamlRows.Rows(assetRoot, name, "assets", AssetRootKeys, AssetInventoryBuilder.Columns, errors).ForEach(row => assets.Add(row, errors));
                    }

                    break;
                case ContextFileKind.IdentitiesCsv:
                    CsvRows.Read(path, name, IdentityDirectoryBuilder.Columns, errors).ForEach(row => identities.Add(row, errors));
                    break;
                case ContextFileKind.IdentitiesYaml:
                    if (YamlRows.ReadRoot(path, name, errors) is { } identityRoot)
                    {
                        if (identityRoot.Get("domains") is { } domains)
                        {
                            YamlRows.Texts(domains, name, "'domains'", errors).ForEach(identities.AddDomain);
                        }

                        YamlRows.Rows(identityRoot, name, "identities", IdentityRootKeys, IdentityDirectoryBuilder.Columns, errors)
                            .ForEach(row => identities.Add(row, errors));
                    }

                    break;
                case ContextFileKind.IndicatorsCsv:
                    CsvRows.Read(path, name, IndicatorSetBuilder.Columns, errors).ForEach(row => indicators.AddRow(row, errors));
                    break;
                default:
                    StixBundleReader.Read(path, name, stix, errors);
                    break;
            }
        }

        var assetResolver = assets.Build();
        var identityResolver = identities.Build(options.KnownDomains, options.SystemAccounts, assetResolver);
        stix.AddTo(indicators, errors);
        var context = new OrganizationContext(assetResolver, identityResolver, indicators.Build(), options.TimeProvider.GetUtcNow());
        return new ContextLoadResult(context, errors.Sorted(read), read, ignored);
    }

    /// <summary>Assets load first (identities resolve machine accounts against them), then identities, then indicators.</summary>
    private static int Stage(ContextFileKind kind) => kind switch
    {
        ContextFileKind.AssetsCsv or ContextFileKind.AssetsYaml => 0,
        ContextFileKind.IdentitiesCsv or ContextFileKind.IdentitiesYaml => 1,
        _ => 2,
    };

    private static ContextFileKind KindOf(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        return lower switch
        {
            "assets.csv" => ContextFileKind.AssetsCsv,
            "assets.yaml" or "assets.yml" => ContextFileKind.AssetsYaml,
            "identities.csv" => ContextFileKind.IdentitiesCsv,
            "identities.yaml" or "identities.yml" => ContextFileKind.IdentitiesYaml,
            _ when lower.StartsWith("indicators", StringComparison.Ordinal) && lower.EndsWith(".csv", StringComparison.Ordinal) => ContextFileKind.IndicatorsCsv,
            _ when lower.EndsWith(".json", StringComparison.Ordinal) => ContextFileKind.StixBundle,
            _ => ContextFileKind.None,
        };
    }
}

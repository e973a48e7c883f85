namespace Vigil.Ingest.Enrichment;

/// <summary>The kinds of context file, told apart by file name.</summary>
internal enum ContextFileKind
{
    None = 0,
    AssetsCsv,
    AssetsYaml,
    IdentitiesCsv,
    IdentitiesYaml,
    IndicatorsCsv,
    StixBundle,
}

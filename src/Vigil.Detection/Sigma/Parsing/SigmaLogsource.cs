namespace Vigil.Detection.Sigma.Parsing;

/// <summary>The <c>logsource</c> of a rule; absent keys are null. Values are lower-cased.</summary>
/// <param name="Product">The product, such as <c>windows</c>.</param>
/// <param name="Category">The category, such as <c>process_creation</c>.</param>
/// <param name="Service">The service, such as <c>security</c>.</param>
public sealed record SigmaLogsource(string? Product, string? Category, string? Service)
{
    /// <summary>A logsource with no keys (applies to every event).</summary>
    public static SigmaLogsource Any { get; } = new(null, null, null);

    /// <inheritdoc />
    public override string ToString()
        => string.Join('/', new[] { Product ?? "*", Category ?? "*", Service ?? "*" });
}

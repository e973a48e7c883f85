namespace Vigil.Detection.Logsources;

/// <summary>One <c>logsources</c> entry of a map: the Sigma keys it answers and, once built, its variants.</summary>
internal sealed class LogsourceDefinition
{
    public LogsourceDefinition(string? product, string? category, string? service)
    {
        Product = product;
        Category = category;
        Service = service;
    }

    public string? Product { get; }

    public string? Category { get; }

    public string? Service { get; }

    public List<LogsourceVariant> Variants { get; } = [];

    public bool Answers(string? product, string? category, string? service)
        => KeyMatches(product, Product) && KeyMatches(category, Category) && KeyMatches(service, Service);

    public bool SameKeys(LogsourceDefinition other)
        => string.Equals(Product, other.Product, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Category, other.Category, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Service, other.Service, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Product ?? "*"}/{Category ?? "*"}/{Service ?? "*"}";

    private static bool KeyMatches(string? ruleValue, string? definitionValue)
        => string.IsNullOrWhiteSpace(ruleValue)
            || (definitionValue is not null && string.Equals(ruleValue.Trim(), definitionValue, StringComparison.OrdinalIgnoreCase));
}

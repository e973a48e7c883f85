namespace Vigil.Detection.Logsources;

/// <summary>Names and defaults of the logsource map.</summary>
internal static class LogsourceConstants
{
    /// <summary>The map's path relative to the executable's folder or the repository root.</summary>
    public const string DefaultRelativePath = "maps/logsources.yaml";

    /// <summary>The file that marks the repository root.</summary>
    public const string RepositoryMarker = "Vigil.slnx";

    /// <summary>The map value meaning "the field exists, whatever its value".</summary>
    public const string AnyValue = "*";

    /// <summary>The largest map file read, in bytes.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;
}

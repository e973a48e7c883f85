namespace Vigil.Response.Playbooks;

/// <summary>The severity of an alert, in increasing order.</summary>
public enum ResponseSeverity
{
    /// <summary>Informational.</summary>
    Informational,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}

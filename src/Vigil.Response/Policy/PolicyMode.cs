namespace Vigil.Response.Policy;

/// <summary>Whether decisions act or only recommend.</summary>
public enum PolicyMode
{
    /// <summary><c>enforce</c>: decisions are carried out.</summary>
    Enforce,

    /// <summary><c>shadow</c>: every decision is computed as in enforce mode and recorded, but nothing acts.</summary>
    Shadow,
}

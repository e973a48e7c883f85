namespace Vigil.Response.Playbooks;

/// <summary>How a <c>when</c> clause compares.</summary>
internal enum ConditionOperator
{
    /// <summary><c>==</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>in [a, b]</c>.</summary>
    In,
}

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Numeric comparison operators.</summary>
internal enum CompareOperator
{
    Equal,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}

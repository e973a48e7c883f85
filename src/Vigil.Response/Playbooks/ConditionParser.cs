using System.Globalization;

namespace Vigil.Response.Playbooks;

/// <summary>
/// Parses a step's <c>when</c> condition. The grammar is small on purpose:
/// <code>
/// condition := clause ("and" clause)*
/// clause    := field op value | field "in" "[" value ("," value)* "]"
/// field     := confidence | severity | asset.criticality
/// op        := == | != | &gt;= | &gt; | &lt;= | &lt;
/// value     := a number in [0,1] (confidence), a severity (informational..critical) or a criticality (low..critical)
/// </code>
/// </summary>
internal static class ConditionParser
{
    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];
    private static readonly string[] Criticalities = ["low", "medium", "high", "critical"];

    /// <summary>Parses a condition.</summary>
    /// <param name="text">The condition.</param>
    /// <param name="condition">The parsed condition.</param>
    /// <param name="errorOffset">The 0-based offset in <paramref name="text"/> of the first problem.</param>
    /// <param name="error">The problem.</param>
    /// <returns>Whether the text is a valid condition.</returns>
    public static bool TryParse(string text, out StepCondition? condition, out int errorOffset, out string? error)
    {
        condition = null;
        var tokens = Tokenize(text, out errorOffset, out error);
        if (tokens is null)
        {
            return false;
        }

        var clauses = new List<ConditionClause>();
        var i = 0;
        while (true)
        {
            var clause = Clause(tokens, ref i, text.Length, out errorOffset, out error);
            if (clause is null)
            {
                return false;
            }

            clauses.Add(clause);
            if (i == tokens.Count)
            {
                break;
            }

            if (!string.Equals(tokens[i].Text, "and", StringComparison.Ordinal))
            {
                (errorOffset, error) = (tokens[i].Offset, $"expected 'and' or the end of the condition, found '{tokens[i].Text}'");
                return false;
            }

            i++;
        }

        condition = new StepCondition(text, clauses);
        return true;
    }

    private static ConditionClause? Clause(List<Token> tokens, ref int i, int end, out int errorOffset, out string? error)
    {
        (errorOffset, error) = (0, null);
        if (i >= tokens.Count)
        {
            (errorOffset, error) = (end, "expected a field: confidence, severity or asset.criticality");
            return null;
        }

        var fieldToken = tokens[i++];
        ConditionField? field = fieldToken.Text switch
        {
            "confidence" => ConditionField.Confidence,
            "severity" => ConditionField.Severity,
            "asset.criticality" => ConditionField.AssetCriticality,
            _ => null,
        };
        if (field is not { } f)
        {
            (errorOffset, error) = (fieldToken.Offset, $"unknown field '{fieldToken.Text}'; known: confidence, severity, asset.criticality");
            return null;
        }

        if (i >= tokens.Count)
        {
            (errorOffset, error) = (end, "expected an operator: ==, !=, >=, >, <=, <, in");
            return null;
        }

        var opToken = tokens[i++];
        ConditionOperator? op = opToken.Text switch
        {
            "==" => ConditionOperator.Equal,
            "!=" => ConditionOperator.NotEqual,
            ">=" => ConditionOperator.GreaterOrEqual,
            ">" => ConditionOperator.Greater,
            "<=" => ConditionOperator.LessOrEqual,
            "<" => ConditionOperator.Less,
            "in" => ConditionOperator.In,
            _ => null,
        };
        if (op is not { } o)
        {
            (errorOffset, error) = (opToken.Offset, $"unknown operator '{opToken.Text}'; known: ==, !=, >=, >, <=, <, in");
            return null;
        }

        var values = new List<double>();
        if (o == ConditionOperator.In)
        {
            if (f == ConditionField.Confidence)
            {
                (errorOffset, error) = (opToken.Offset, "'in' is for severity and asset.criticality; compare confidence with >=, <= ...");
                return null;
            }

            if (!Expect(tokens, ref i, "[", end, out errorOffset, out error))
            {
                return null;
            }

            while (true)
            {
                if (!Value(tokens, ref i, f, end, values, out errorOffset, out error))
                {
                    return null;
                }

                if (i >= tokens.Count || !string.Equals(tokens[i].Text, ",", StringComparison.Ordinal))
                {
                    break;
                }

                i++;
            }

            if (!Expect(tokens, ref i, "]", end, out errorOffset, out error))
            {
                return null;
            }
        }
        else if (!Value(tokens, ref i, f, end, values, out errorOffset, out error))
        {
            return null;
        }

        return new ConditionClause(f, o, values);
    }

    private static bool Value(List<Token> tokens, ref int i, ConditionField field, int end, List<double> values, out int errorOffset, out string? error)
    {
        (errorOffset, error) = (0, null);
        if (i >= tokens.Count)
        {
            (errorOffset, error) = (end, "expected a value");
            return false;
        }

        var token = tokens[i++];
        if (field == ConditionField.Confidence)
        {
            if (double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 1)
            {
                values.Add(number);
                return true;
            }

            (errorOffset, error) = (token.Offset, $"confidence is compared with a number between 0 and 1, not '{token.Text}'");
            return false;
        }

        var names = field == ConditionField.Severity ? Severities : Criticalities;
        var rank = Array.IndexOf(names, token.Text);
        if (rank < 0)
        {
            var what = field == ConditionField.Severity ? "severity" : "asset.criticality";
            (errorOffset, error) = (token.Offset, $"unknown {what} '{token.Text}'; known: {string.Join(", ", names)}");
            return false;
        }

        values.Add(rank);
        return true;
    }

    private static bool Expect(List<Token> tokens, ref int i, string text, int end, out int errorOffset, out string? error)
    {
        (errorOffset, error) = (0, null);
        if (i < tokens.Count && string.Equals(tokens[i].Text, text, StringComparison.Ordinal))
        {
            i++;
            return true;
        }

        (errorOffset, error) = (i < tokens.Count ? tokens[i].Offset : end, $"expected '{text}'");
        return false;
    }

    private static List<Token>? Tokenize(string text, out int errorOffset, out string? error)
    {
        (errorOffset, error) = (0, null);
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetterOrDigit(c))
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-'))
                {
                    i++;
                }
            }
            else if (c is '[' or ']' or ',')
            {
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                i += i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1;
                if (text.AsSpan(start, i - start) is "=" or "!")
                {
                    (errorOffset, error) = (start, $"unknown operator '{text[start..i]}'; known: ==, !=, >=, >, <=, <, in");
                    return null;
                }
            }
            else
            {
                (errorOffset, error) = (start, $"unexpected character '{c}'");
                return null;
            }

            tokens.Add(new Token(text[start..i], start));
        }

        if (tokens.Count == 0)
        {
            (errorOffset, error) = (0, "the condition is empty");
            return null;
        }

        return tokens;
    }

    private readonly record struct Token(string Text, int Offset);
}

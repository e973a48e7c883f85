using YamlDotNet.RepresentationModel;

namespace Vigil.Response.Playbooks;

/// <summary>Reads and checks one playbook step: its action, target variables, <c>when</c> condition and undo.</summary>
internal static class PlaybookStepReader
{
    /// <summary>Reads a step, or returns null after adding errors.</summary>
    /// <param name="map">The step map.</param>
    /// <param name="file">The file name.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <param name="keys">The known step keys.</param>
    /// <returns>The step, or null.</returns>
    public static PlaybookStep? Read(YamlMappingNode map, string file, List<ResponseError> errors, string[] keys)
    {
        var before = errors.Count;
        ResponseYaml.Known(map, file, errors, keys);
        var id = ResponseYaml.Text(map, "id", file, errors, required: true);
        var action = Action(map, "action", file, errors, required: true);
        var target = Target(map, file, errors);
        var when = When(map, file, errors);
        var with = With(map, file, errors);
        var undo = Action(map, "undo", file, errors, required: false);
        var irreversible = ResponseYaml.Get(map, "irreversible") is { } node && ResponseYaml.Bool(node, "irreversible", file, errors) == true;
        if (action is { } a)
        {
            CheckUndo(map, a, undo, irreversible, file, errors);
        }

        if (errors.Count > before || id is null || action is null || target is null)
        {
            return null;
        }

        return new PlaybookStep(id, action.Value, target, when, with, undo, irreversible, (int)map.Start.Line);
    }

    private static void CheckUndo(YamlMappingNode map, ResponseAction action, ResponseAction? undo, bool irreversible, string file, List<ResponseError> errors)
    {
        var name = ResponseActions.Name(action);
        var reversible = ResponseActions.TryGetUndo(action, out var expected);
        if (undo is { } u)
        {
            var undoNode = ResponseYaml.Get(map, "undo")!;
            if (!reversible)
            {
                errors.Add(ResponseYaml.At(file, undoNode, $"'{name}' cannot be undone; remove 'undo'"));
            }
            else if (u != expected)
            {
                errors.Add(ResponseYaml.At(file, undoNode, $"'{name}' is undone by '{ResponseActions.Name(expected!.Value)}', not '{ResponseActions.Name(u)}'"));
            }
            else if (irreversible)
            {
                errors.Add(ResponseYaml.At(file, undoNode, "a step with 'undo' cannot also be 'irreversible: true'"));
            }

            return;
        }

        if (ResponseActions.IsContainment(action) && !irreversible)
        {
            var hint = reversible ? $"add 'undo: {ResponseActions.Name(expected!.Value)}'" : "it cannot be undone, so state 'irreversible: true'";
            errors.Add(ResponseYaml.At(file, ResponseYaml.Get(map, "action")!, $"containment action '{name}' needs an undo: {hint}"));
        }
    }

    private static ResponseAction? Action(YamlMappingNode map, string key, string file, List<ResponseError> errors, bool required)
    {
        var text = ResponseYaml.Text(map, key, file, errors, required);
        if (text is null)
        {
            return null;
        }

        if (ResponseActions.TryParse(text, out var action))
        {
            return action;
        }

        errors.Add(ResponseYaml.At(file, ResponseYaml.Get(map, key)!, $"unknown {key} '{text}'; known: {ResponseActions.Known}"));
        return null;
    }

    private static TargetTemplate? Target(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var text = ResponseYaml.Text(map, "target", file, errors, required: true);
        if (text is null)
        {
            return null;
        }

        if (TargetTemplate.TryParse(text, out var template, out var offset, out var error))
        {
            return template;
        }

        var node = (YamlScalarNode)ResponseYaml.Get(map, "target")!;
        errors.Add(new(file, (int)node.Start.Line, PlaybookLoader.ColumnOf(node, offset), "target: " + error));
        return null;
    }

    private static StepCondition? When(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var text = ResponseYaml.Get(map, "when") is null ? null : ResponseYaml.Text(map, "when", file, errors, required: true);
        if (text is null)
        {
            return null;
        }

        if (ConditionParser.TryParse(text, out var condition, out var offset, out var error))
        {
            return condition;
        }

        var node = (YamlScalarNode)ResponseYaml.Get(map, "when")!;
        errors.Add(new(file, (int)node.Start.Line, PlaybookLoader.ColumnOf(node, offset), "when: " + error));
        return null;
    }

    private static Dictionary<string, string> With(YamlMappingNode map, string file, List<ResponseError> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ResponseYaml.Get(map, "with") is not { } node)
        {
            return result;
        }

        if (node is not YamlMappingNode with)
        {
            errors.Add(ResponseYaml.At(file, node, "'with' must be a map of names to string values"));
            return result;
        }

        foreach (var (key, value) in with.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name } && value is YamlScalarNode { Value: { } text })
            {
                result[name] = text;
            }
            else
            {
                errors.Add(ResponseYaml.At(file, value, "each 'with' entry is a name and a single value"));
            }
        }

        return result;
    }
}

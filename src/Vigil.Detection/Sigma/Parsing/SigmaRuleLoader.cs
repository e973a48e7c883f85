using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Sigma.Parsing;

/// <summary>Loads Sigma rule files (one or several YAML documents each, rule collections included).</summary>
public sealed class SigmaRuleLoader
{
    /// <summary>The largest rule file read, in bytes; larger files are reported and skipped.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private readonly SigmaLoadOptions _options;

    /// <summary>Creates a loader.</summary>
    /// <param name="options">Load settings; defaults when null.</param>
    public SigmaRuleLoader(SigmaLoadOptions? options = null)
    {
        _options = options ?? new SigmaLoadOptions();
    }

    /// <summary>Loads rule files and directories (recursively, <c>*.yml</c> and <c>*.yaml</c>, in path order).</summary>
    /// <param name="paths">Files or directories.</param>
    /// <returns>What loaded and what did not, with reasons.</returns>
    public RuleLoadReport LoadPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var rules = new List<SigmaRule>();
        var failures = new List<RuleLoadFailure>();
        var files = 0;
        foreach (var path in paths)
        {
            IEnumerable<string> found;
            if (Directory.Exists(path))
            {
                found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                found = [path];
            }
            else
            {
                failures.Add(new RuleLoadFailure(new RuleDiagnostic(path, 0, 0, "file", "no such file or directory"), null, null));
                continue;
            }

            foreach (var file in found)
            {
                files++;
                string text;
                try
                {
                    var info = new FileInfo(file);
                    if (info.Length > MaxFileBytes)
                    {
                        failures.Add(new RuleLoadFailure(new RuleDiagnostic(file, 0, 0, "file", $"larger than {MaxFileBytes} bytes"), null, null));
                        continue;
                    }

                    text = File.ReadAllText(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failures.Add(new RuleLoadFailure(new RuleDiagnostic(file, 0, 0, "file", $"cannot read: {ex.Message}"), null, null));
                    continue;
                }

                LoadInto(text, file, rules, failures);
            }
        }

        return new RuleLoadReport(rules, failures, files);
    }

    /// <summary>Loads the rule documents in <paramref name="yaml"/>.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    /// <returns>What loaded and what did not, with reasons.</returns>
    public RuleLoadReport LoadText(string yaml, string fileName)
    {
        var rules = new List<SigmaRule>();
        var failures = new List<RuleLoadFailure>();
        LoadInto(yaml, fileName, rules, failures);
        return new RuleLoadReport(rules, failures, 1);
    }

    private void LoadInto(string text, string file, List<SigmaRule> rules, List<RuleLoadFailure> failures)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            failures.Add(new RuleLoadFailure(
                new RuleDiagnostic(file, (int)ex.Start.Line, (int)ex.Start.Column, "yaml", $"invalid YAML: {Innermost(ex).Message}"), null, null));
            return;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet's representation model rejects some malformed event sequences this way.
            failures.Add(new RuleLoadFailure(new RuleDiagnostic(file, 0, 0, "yaml", $"invalid YAML: {ex.Message}"), null, null));
            return;
        }

        YamlMappingNode? global = null;
        YamlMappingNode? previous = null;
        foreach (var document in stream.Documents)
        {
            var docLine = (int)document.RootNode.Start.Line;
            var docColumn = (int)document.RootNode.Start.Column;
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (document.RootNode is not YamlMappingNode doc)
            {
                failures.Add(new RuleLoadFailure(
                    new RuleDiagnostic(file, (int)document.RootNode.Start.Line, (int)document.RootNode.Start.Column, "document", "a rule document must be a map"),
                    null, null));
                continue;
            }

            var action = doc.Children.TryGetValue("action", out var a) ? (a as YamlScalarNode)?.Value : null;
            switch (action)
            {
                case "global":
                    global = Without(doc, "action");
                    continue;
                case "reset":
                    global = null;
                    continue;
                case "repeat":
                    if (previous is null)
                    {
                        failures.Add(new RuleLoadFailure(
                            new RuleDiagnostic(file, docLine, docColumn, "action", "'repeat' with no previous rule document"), null, null));
                        continue;
                    }

                    doc = Merge(previous, Without(doc, "action"));
                    break;
                case null:
                    doc = global is null ? doc : Merge(global, doc);
                    break;
                default:
                    failures.Add(new RuleLoadFailure(
                        new RuleDiagnostic(file, (int)a!.Start.Line, (int)a.Start.Column, "action", $"unknown collection action '{action}' (global, reset, repeat)"),
                        null, null));
                    continue;
            }

            previous = doc;
            try
            {
                rules.Add(SigmaRuleReader.Read(doc, file, _options, docLine, docColumn));
            }
            catch (Exception ex) when (ex is InvalidCastException or ArgumentException or InvalidOperationException or OverflowException)
            {
                failures.Add(new RuleLoadFailure(
                    new RuleDiagnostic(file, docLine, docColumn, "document", $"unsupported rule structure ({ex.GetType().Name}: {ex.Message})"),
                    TryScalar(doc, "id"), TryScalar(doc, "title")));
            }
            catch (SigmaRuleException ex)
            {
                var line = ex.Line > 0 ? ex.Line : docLine;
                var column = ex.Line > 0 ? ex.Column : docColumn;
                failures.Add(new RuleLoadFailure(
                    new RuleDiagnostic(file, line, column, ex.Construct, ex.Message), TryScalar(doc, "id"), TryScalar(doc, "title")));
            }
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static string? TryScalar(YamlMappingNode doc, string key)
        => doc.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;

    private static YamlMappingNode Without(YamlMappingNode doc, string key)
    {
        var copy = new YamlMappingNode();
        foreach (var (k, v) in doc.Children)
        {
            if (k is not YamlScalarNode s || s.Value != key)
            {
                copy.Add(k, v);
            }
        }

        return copy;
    }

    /// <summary>Deep-merges <paramref name="overlay"/> onto <paramref name="baseDoc"/>: maps merge key by key, anything else is replaced.</summary>
    private static YamlMappingNode Merge(YamlMappingNode baseDoc, YamlMappingNode overlay)
    {
        var result = new YamlMappingNode();
        foreach (var (k, v) in baseDoc.Children)
        {
            result.Add(k, v);
        }

        foreach (var (k, v) in overlay.Children)
        {
            if (result.Children.TryGetValue(k, out var existing) && existing is YamlMappingNode em && v is YamlMappingNode vm)
            {
                result.Children[k] = Merge(em, vm);
            }
            else
            {
                result.Children[k] = v;
            }
        }

        return result;
    }
}

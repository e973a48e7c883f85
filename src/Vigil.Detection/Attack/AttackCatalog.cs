using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Vigil.Detection.Attack;

/// <summary>
/// The MITRE ATT&amp;CK tactics and techniques that Sigma <c>attack.*</c> tags name. <see cref="Map"/> turns a rule's
/// tags into an <see cref="AttackMapping"/> with one dictionary lookup per tag. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Tactic tags use the tactic short name (<c>attack.execution</c>). Names of other ATT&amp;CK versions are accepted:
/// with a catalog older than v19, <c>attack.stealth</c> and <c>attack.defense-impairment</c> map to Defense Evasion;
/// with a v19 catalog, <c>attack.defense-evasion</c> maps to Stealth. Technique tags (<c>attack.t1059.001</c>) map to
/// the technique; a revoked id maps to its replacement; a well-formed id the catalog lacks is kept, named by its id.
/// When a rule tags techniques but no tactic, the tactics come from the techniques' catalog rows.
/// <see cref="Check"/> reports each of these substitutions and every unknown tag; nothing is dropped silently.
/// </remarks>
public sealed class AttackCatalog
{
    private readonly AttackTactic[] _tactics;
    private readonly FrozenDictionary<string, AttackTagEntry> _entries;
    private readonly FrozenDictionary<string, AttackTagEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, AttackTechnique> _techniques;

    private AttackCatalog(string source, IReadOnlyList<AttackTactic> tactics, List<AttackTechniqueRow> rows, List<(string Id, string ReplacedBy, int Line)> revoked)
    {
        Source = source;
        _tactics = [.. tactics];
        var entries = new Dictionary<string, AttackTagEntry>(StringComparer.OrdinalIgnoreCase);
        var tacticIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _tactics.Length; i++)
        {
            if (!tacticIndex.TryAdd(_tactics[i].ShortName, i))
            {
                throw new InvalidDataException($"{source}: the tactic '{_tactics[i].ShortName}' is listed twice");
            }

            entries[_tactics[i].ShortName] = AttackTagEntry.ForTactic(i);
            entries[_tactics[i].ShortName.Replace('-', '_')] = AttackTagEntry.ForTactic(i);
        }

        foreach (var (alias, target) in AttackConstants.TacticAliases)
        {
            if (!tacticIndex.ContainsKey(alias) && tacticIndex.TryGetValue(target, out var index) && !entries.ContainsKey(alias))
            {
                var detail = $"tactic '{alias}' is not in this catalog ({source}); mapped to {_tactics[index].Id} {_tactics[index].Name}";
                entries[alias] = AttackTagEntry.ForTactic(index, AttackTagIssueKind.TacticAlias, detail);
                entries[alias.Replace('-', '_')] = AttackTagEntry.ForTactic(index, AttackTagIssueKind.TacticAlias, detail);
            }
        }

        var techniques = new Dictionary<string, AttackTechnique>(StringComparer.OrdinalIgnoreCase);
        var masks = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var mask = 0UL;
            foreach (var shortName in row.Tactics)
            {
                mask |= tacticIndex.TryGetValue(shortName, out var index)
                    ? 1UL << index
                    : throw AttackTsvReader.Invalid(source, row.Line, $"technique {row.Id} names the unknown tactic '{shortName}'");
            }

            var technique = new AttackTechnique(row.Id, row.Name);
            if (!techniques.TryAdd(row.Id, technique))
            {
                throw AttackTsvReader.Invalid(source, row.Line, $"technique {row.Id} is listed twice");
            }

            masks[row.Id] = mask;
            entries[row.Id] = row.Deprecated
                ? AttackTagEntry.ForTechnique(technique, mask, AttackTagIssueKind.Deprecated, $"{row.Id} ({row.Name}) is deprecated in ATT&CK")
                : AttackTagEntry.ForTechnique(technique, mask);
        }

        var replacements = revoked.ToDictionary(r => r.Id, r => r.ReplacedBy, StringComparer.OrdinalIgnoreCase);
        foreach (var (id, _, _) in revoked)
        {
            var final = id;
            for (var hops = 0; hops < 16 && replacements.TryGetValue(final, out var next); hops++)
            {
                final = next;
            }

            var replacement = techniques.GetValueOrDefault(final) ?? new AttackTechnique(final, final);
            entries[id] = AttackTagEntry.ForTechnique(
                replacement,
                masks.GetValueOrDefault(final),
                AttackTagIssueKind.Revoked,
                $"{id} was revoked; mapped to its replacement {replacement.Id} ({replacement.Name})");
        }

        _entries = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _techniques = techniques.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets a catalog with the 14 Enterprise tactics and no techniques (technique names are their ids).</summary>
    public static AttackCatalog BuiltIn { get; } = new(AttackConstants.BuiltInSource, AttackConstants.BuiltInTactics, [], []);

    /// <summary>Gets where the catalog came from: a directory, or <c>built-in</c>.</summary>
    public string Source { get; }

    /// <summary>Gets the tactics in matrix order.</summary>
    public IReadOnlyList<AttackTactic> Tactics => _tactics;

    /// <summary>Gets the number of techniques and sub-techniques the catalog lists (0 for <see cref="BuiltIn"/>).</summary>
    public int TechniqueCount => _techniques.Count;

    /// <summary>
    /// Loads <c>tactics.tsv</c> and <c>techniques.tsv</c> (and <c>revoked_by.tsv</c> when present) from a directory such as
    /// <c>shared/data/attack</c>.
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FileNotFoundException">A required file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message names the file and line).</exception>
    public static AttackCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var tacticsPath = Path.Combine(directory, AttackConstants.TacticsFile);
        var techniquesPath = Path.Combine(directory, AttackConstants.TechniquesFile);
        var revokedPath = Path.Combine(directory, AttackConstants.RevokedFile);
        foreach (var required in new[] { tacticsPath, techniquesPath })
        {
            if (!File.Exists(required))
            {
                throw new FileNotFoundException($"The ATT&CK catalog file {required} does not exist.", required);
            }
        }

        var tactics = AttackTsvReader.ReadTactics(tacticsPath);
        if (tactics.Count is 0 or > AttackConstants.MaxTactics)
        {
            throw AttackTsvReader.Invalid(tacticsPath, 1, $"expected 1 to {AttackConstants.MaxTactics} tactics, found {tactics.Count}");
        }

        var rows = AttackTsvReader.ReadTechniques(techniquesPath);
        var revoked = File.Exists(revokedPath) ? AttackTsvReader.ReadRevoked(revokedPath) : [];
        return new AttackCatalog(directory, tactics, rows, revoked);
    }

    /// <summary>
    /// Finds the catalog directory: the <c>VIGIL_ATTACK_DIR</c> environment variable when set (null when it names no
    /// directory), else the first <c>shared/data/attack</c> holding <c>tactics.tsv</c> above the current directory or
    /// above <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    /// <returns>The directory, or null when none is found.</returns>
    public static string? FindDefaultDirectory()
        => FindDirectory(
            Environment.GetEnvironmentVariable(AttackConstants.DirectoryVariable),
            Directory.GetCurrentDirectory(),
            AppContext.BaseDirectory);

    /// <summary>The search of <see cref="FindDefaultDirectory"/> with its inputs given.</summary>
    /// <param name="configured">The environment variable's value, or null.</param>
    /// <param name="starts">The directories to walk up from.</param>
    /// <returns>The directory, or null.</returns>
    internal static string? FindDirectory(string? configured, params string[] starts)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, AttackConstants.SharedRelativeDirectory);
                if (File.Exists(Path.Combine(candidate, AttackConstants.TacticsFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Finds a technique by id (<c>T1059.001</c>, ignoring case).</summary>
    /// <param name="id">The technique id.</param>
    /// <param name="technique">The technique when found.</param>
    /// <returns>Whether the catalog lists the id (revoked ids excluded).</returns>
    public bool TryGetTechnique(string id, [NotNullWhen(true)] out AttackTechnique? technique)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _techniques.TryGetValue(id, out technique);
    }

    /// <summary>Finds a tactic by short name (<c>execution</c>) or id (<c>TA0002</c>), ignoring case; aliases excluded.</summary>
    /// <param name="nameOrId">The short name or id.</param>
    /// <param name="tactic">The tactic when found.</param>
    /// <returns>Whether the catalog lists it.</returns>
    public bool TryGetTactic(string nameOrId, [NotNullWhen(true)] out AttackTactic? tactic)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        tactic = Array.Find(_tactics, t => string.Equals(t.ShortName, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Id, nameOrId, StringComparison.OrdinalIgnoreCase));
        return tactic is not null;
    }

    /// <summary>
    /// Maps a rule's tags to tactics (matrix order) and techniques (tag order, without duplicates). Tags that are not
    /// <c>attack.*</c> tactics or techniques are ignored; see <see cref="Check"/> for what was ignored or substituted.
    /// </summary>
    /// <param name="tags">The rule's tags.</param>
    /// <returns>The mapping; <see cref="AttackMapping.Empty"/> when no tag names a tactic or technique.</returns>
    public AttackMapping Map(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var tacticMask = 0UL;
        var derivedMask = 0UL;
        List<AttackTechnique>? techniques = null;
        foreach (var tag in tags)
        {
            if (!TryResolve(tag, out var entry, out var technique))
            {
                continue;
            }

            if (technique is null)
            {
                tacticMask |= entry!.Tactics;
                continue;
            }

            derivedMask |= entry?.Tactics ?? 0;
            techniques ??= [];
            if (!techniques.Exists(t => string.Equals(t.Id, technique.Id, StringComparison.OrdinalIgnoreCase)))
            {
                techniques.Add(technique);
            }
        }

        var mask = tacticMask != 0 ? tacticMask : derivedMask;
        if (mask == 0 && techniques is null)
        {
            return AttackMapping.Empty;
        }

        var tactics = new List<AttackTactic>();
        for (var i = 0; i < _tactics.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                tactics.Add(_tactics[i]);
            }
        }

        return new AttackMapping(tactics, techniques is null ? [] : techniques);
    }

    /// <summary>Returns the <c>attack.*</c> tags that name no tactic or technique (groups, software, data sources, unknown names).</summary>
    /// <param name="tags">The rule's tags.</param>
    /// <returns>The unknown tags, in order.</returns>
    public IReadOnlyList<string> UnknownTags(IEnumerable<string> tags)
        => [.. Check(tags).Where(i => i.Kind == AttackTagIssueKind.Unknown).Select(i => i.Tag)];

    /// <summary>Reports every <c>attack.*</c> tag that <see cref="Map"/> ignores or substitutes, with the reason.</summary>
    /// <param name="tags">The rule's tags.</param>
    /// <returns>The remarks, in tag order; empty when every tag maps as written.</returns>
    public IReadOnlyList<AttackTagIssue> Check(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var issues = new List<AttackTagIssue>();
        foreach (var tag in tags)
        {
            if (tag is null || !tag.StartsWith(AttackConstants.TagPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!TryResolve(tag, out var entry, out var technique))
            {
                issues.Add(new AttackTagIssue(tag, AttackTagIssueKind.Unknown, "not an ATT&CK tactic or technique of this catalog; ignored"));
            }
            else if (entry?.Issue is { } kind)
            {
                issues.Add(new AttackTagIssue(tag, kind, entry.Detail));
            }
            else if (technique is not null && _techniques.Count > 0 && !_techniques.ContainsKey(technique.Id))
            {
                issues.Add(new AttackTagIssue(tag, AttackTagIssueKind.NotInCatalog, $"{technique.Id} is not in this catalog ({Source}); kept, named by its id"));
            }
        }

        return issues;
    }

    private bool TryResolve(string tag, out AttackTagEntry? entry, out AttackTechnique? technique)
    {
        entry = null;
        technique = null;
        if (tag is null || !tag.StartsWith(AttackConstants.TagPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var suffix = tag.AsSpan(AttackConstants.TagPrefix.Length).Trim();
        if (_lookup.TryGetValue(suffix, out var found))
        {
            entry = found;
            technique = found.Technique;
            return true;
        }

        if (!IsTechniqueId(suffix))
        {
            return false;
        }

        var id = suffix.ToString().ToUpperInvariant();
        technique = new AttackTechnique(id, id);
        if (id.Length > 5 && _lookup.TryGetValue(suffix[..5], out var parent) && parent.Technique is not null)
        {
            entry = AttackTagEntry.ForTechnique(technique, parent.Tactics);
        }

        return true;
    }

    private static bool IsTechniqueId(ReadOnlySpan<char> text)
    {
        if (text.Length is not (5 or 9) || (text[0] is not ('t' or 'T')) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2])
            || !char.IsAsciiDigit(text[3]) || !char.IsAsciiDigit(text[4]))
        {
            return false;
        }

        return text.Length == 5 || (text[5] == '.' && char.IsAsciiDigit(text[6]) && char.IsAsciiDigit(text[7]) && char.IsAsciiDigit(text[8]));
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// An Aho-Corasick automaton compiled to a dense DFA over a small alphabet, case-insensitive (upper-case folding,
/// as <see cref="StringComparison.OrdinalIgnoreCase"/>). One pass over a value reports every needle it contains.
/// Needles that fold to the same text are merged; each state knows at most one needle and links to the nearest
/// shorter suffix state that has one, so building is linear in the needles' total length. The table holds, per
/// transition, the target state's row offset shifted left once, with the low bit set when the target reports a
/// needle (itself or through its output links): a scan costs one table load per character.
/// </summary>
internal sealed class NeedleAutomaton
{
    private readonly ushort[] _ascii = new ushort[128];
    private readonly int _wideBase;
    private readonly int _classes;
    private readonly int[] _delta;
    private readonly int[] _needleAt;
    private readonly int[] _outLink;
    private readonly int[][] _payloads;

    /// <summary>Classes shared by all characters above ASCII (hashed): keeps the table small whatever the needles hold.</summary>
    private const int WideClasses = 8;

    /// <summary>Builds the automaton; <paramref name="needles"/> pairs each literal with a payload id it reports.</summary>
    public NeedleAutomaton(IReadOnlyList<(string Text, int Payload)> needles)
    {
        // Alphabet: every folded ASCII character of any needle gets its own class; characters above ASCII share
        // WideClasses hashed classes; class 0 is "any other character". Sharing a class can only report a needle
        // that is not there (the rule is then confirmed and rejected), never miss one: the prefilter stays a superset.
        ushort next = 1;
        foreach (var (text, _) in needles)
        {
            foreach (var raw in text)
            {
                var c = char.ToUpperInvariant(raw);
                if (c < 128 && _ascii[c] == 0)
                {
                    _ascii[c] = next;
                    var lower = char.ToLowerInvariant(c);
                    if (lower < 128)
                    {
                        _ascii[lower] = next;
                    }

                    next++;
                }
            }
        }

        _wideBase = next;
        _classes = next + WideClasses;

        // Needles that map to the same class sequence become one needle with the union of their payloads.
        var grouped = needles
            .Where(n => n.Text.Length > 0)
            .GroupBy(n => new string([.. n.Text.Select(c => (char)ClassOf(char.ToUpperInvariant(c)))]), StringComparer.Ordinal)
            .Select(g => (Text: g.Key, Payloads: g.Select(x => x.Payload).Distinct().ToArray()))
            .ToList();
        _payloads = [.. grouped.Select(g => g.Payloads)];

        // Trie, built straight into the dense table (-1 = no edge yet). The exact state count comes from the sorted
        // class strings: each needle adds the characters beyond its longest common prefix with the previous one.
        var sorted = grouped.Select(g => g.Text).Order(StringComparer.Ordinal).ToList();
        var maxStates = 1;
        for (var i = 0; i < sorted.Count; i++)
        {
            var common = i == 0 ? 0 : sorted[i].AsSpan().CommonPrefixLength(sorted[i - 1]);
            maxStates += sorted[i].Length - common;
        }

        var delta = new int[maxStates * _classes];
        Array.Fill(delta, -1);
        var needleAt = new int[maxStates];
        Array.Fill(needleAt, -1);
        var count = 1;
        for (var id = 0; id < grouped.Count; id++)
        {
            var state = 0;
            foreach (var cls in grouped[id].Text)
            {
                var slot = state * _classes + cls;
                if (delta[slot] < 0)
                {
                    delta[slot] = count++;
                }

                state = delta[slot];
            }

            needleAt[state] = id;
        }

        // Breadth-first: failure links folded into the table, output links to the nearest suffix state with a needle.
        _delta = delta;
        _needleAt = needleAt;
        _outLink = new int[count];
        var fail = new int[count];
        var queue = new Queue<int>();
        _outLink[0] = -1;
        for (var cls = 0; cls < _classes; cls++)
        {
            var child = _delta[cls];
            if (child < 0)
            {
                _delta[cls] = 0;
            }
            else
            {
                fail[child] = 0;
                _outLink[child] = -1;
                queue.Enqueue(child);
            }
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var row = state * _classes;
            for (var cls = 0; cls < _classes; cls++)
            {
                var child = _delta[row + cls];
                if (child < 0)
                {
                    _delta[row + cls] = _delta[fail[state] * _classes + cls];
                }
                else
                {
                    var f = _delta[fail[state] * _classes + cls];
                    fail[child] = f;
                    _outLink[child] = _needleAt[f] >= 0 ? f : _outLink[f];
                    queue.Enqueue(child);
                }
            }
        }

        // Transitions to row offsets with the "reports" bit (states count * classes stays far below 2^30).
        if ((long)count * _classes >= 1 << 30)
        {
            throw new InvalidOperationException("needle automaton too large");
        }

        for (var slot = 0; slot < _delta.Length; slot++)
        {
            var target = _delta[slot];
            var reports = _needleAt[target] >= 0 || _outLink[target] >= 0;
            _delta[slot] = (target * _classes << 1) | (reports ? 1 : 0);
        }
    }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _needleAt.Length;

    /// <summary>Gets the size of the transition table in bytes.</summary>
    public long TableBytes => _delta.Length * sizeof(int);

    /// <summary>Gets the number of distinct needles.</summary>
    public int NeedleCount => _payloads.Length;

    /// <summary>Scans <paramref name="text"/> and calls <paramref name="marker"/> for every needle found (with its payloads).</summary>
    public void Scan<TMarker>(ReadOnlySpan<char> text, ref TMarker marker)
        where TMarker : struct, IPayloadMarker
    {
        // Every row offset plus a class is inside the table and every ASCII char inside the class map, by
        // construction: the loop reads both without bounds checks.
        ref var delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        ref var ascii = ref MemoryMarshal.GetArrayDataReference(_ascii);
        var row = 0;
        foreach (var c in text)
        {
            int cls = c < 128 ? Unsafe.Add(ref ascii, c) : ClassOf(char.ToUpperInvariant(c));
            var next = Unsafe.Add(ref delta, row + cls);
            row = next >> 1;
            if ((next & 1) != 0)
            {
                Report(row / _classes, ref marker);
            }
        }
    }

    private void Report<TMarker>(int state, ref TMarker marker)
        where TMarker : struct, IPayloadMarker
    {
        var needleAt = _needleAt;
        for (var s = needleAt[state] >= 0 ? state : _outLink[state]; s >= 0; s = _outLink[s])
        {
            marker.MarkNeedle(needleAt[s], _payloads[needleAt[s]]);
        }
    }

    private int ClassOf(char folded)
        => folded < 128 ? _ascii[folded] : _wideBase + (folded % WideClasses);
}

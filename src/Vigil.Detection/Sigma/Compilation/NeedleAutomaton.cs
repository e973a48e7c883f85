namespace Vigil.Detection.Sigma.Compilation;

/// <summary>
/// An Aho-Corasick automaton compiled to a dense DFA over a small alphabet, case-insensitive (upper-case folding,
/// as <see cref="StringComparison.OrdinalIgnoreCase"/>). One pass over a value reports every needle it contains.
/// </summary>
internal sealed class NeedleAutomaton
{
    private readonly ushort[] _ascii = new ushort[128];
    private readonly Dictionary<char, ushort> _other = [];
    private readonly int _classes;
    private readonly int[] _delta;
    private readonly int[]?[] _outputs;

    /// <summary>Builds the automaton; <paramref name="needles"/> pairs each literal with the payload ids it reports.</summary>
    public NeedleAutomaton(IReadOnlyList<(string Text, int Payload)> needles)
    {
        // Alphabet: every folded character of any needle gets a class; class 0 is "any other character".
        ushort next = 1;
        foreach (var (text, _) in needles)
        {
            foreach (var raw in text)
            {
                var c = char.ToUpperInvariant(raw);
                if (ClassOf(c) == 0)
                {
                    if (c < 128)
                    {
                        _ascii[c] = next;
                        var lower = char.ToLowerInvariant(c);
                        if (lower < 128)
                        {
                            _ascii[lower] = next;
                        }
                    }
                    else
                    {
                        _other[c] = next;
                    }

                    next++;
                }
            }
        }

        _classes = next;

        // Trie, built straight into the dense table (-1 = no edge yet); the state count is bounded by the needle lengths.
        var maxStates = 1 + needles.Sum(n => n.Text.Length);
        var delta = new int[maxStates * _classes];
        Array.Fill(delta, -1);
        var payloads = new List<int>?[maxStates];
        var count = 1;
        foreach (var (text, payload) in needles)
        {
            var state = 0;
            foreach (var raw in text)
            {
                var slot = state * _classes + ClassOf(char.ToUpperInvariant(raw));
                if (delta[slot] < 0)
                {
                    delta[slot] = count++;
                }

                state = delta[slot];
            }

            (payloads[state] ??= []).Add(payload);
        }

        // Breadth-first: failure links folded into the table; outputs merged along failure links.
        _delta = delta.Length == count * _classes ? delta : delta[..(count * _classes)];
        _outputs = new int[]?[count];
        var fail = new int[count];
        var queue = new Queue<int>();
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
                queue.Enqueue(child);
            }
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var merged = payloads[state];
            if (_outputs[fail[state]] is { } inherited)
            {
                merged = merged is null ? [.. inherited] : [.. merged, .. inherited];
            }

            _outputs[state] = merged is null ? null : [.. merged.Distinct()];
            var row = state * _classes;
            var failRow = fail[state] * _classes;
            for (var cls = 0; cls < _classes; cls++)
            {
                var child = _delta[row + cls];
                if (child < 0)
                {
                    _delta[row + cls] = _delta[failRow + cls];
                }
                else
                {
                    fail[child] = _delta[failRow + cls];
                    queue.Enqueue(child);
                }
            }
        }
    }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _outputs.Length;

    /// <summary>Scans <paramref name="text"/> and calls <paramref name="marker"/> with every payload of every needle found.</summary>
    public void Scan<TMarker>(ReadOnlySpan<char> text, ref TMarker marker)
        where TMarker : struct, IPayloadMarker
    {
        var state = 0;
        var delta = _delta;
        var classes = _classes;
        var ascii = _ascii;
        foreach (var c in text)
        {
            int cls = c < 128 ? ascii[c] : ClassOf(char.ToUpperInvariant(c));
            state = delta[state * classes + cls];
            if (_outputs[state] is { } outputs)
            {
                foreach (var payload in outputs)
                {
                    marker.Mark(payload);
                }
            }
        }
    }

    private ushort ClassOf(char folded)
        => folded < 128 ? _ascii[folded] : _other.GetValueOrDefault(folded);
}

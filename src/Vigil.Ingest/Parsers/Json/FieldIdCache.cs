using System.Buffers;
using Vigil.Core.Events;

namespace Vigil.Ingest.Parsers.Json;

/// <summary>
/// Remembers the schema id resolved for the n-th field of the previous event. Consecutive events of one source mostly
/// repeat their field names in the same order, so one vectorised name compare replaces most schema lookups. Bounded:
/// <see cref="Slots"/> fields of at most <see cref="SlotChars"/> chars each; longer names and later fields are resolved
/// every time. Not thread-safe.
/// </summary>
internal sealed class FieldIdCache : IDisposable
{
    private const int Slots = 256;
    private const int SlotChars = 64;

    private readonly int[] _ids = ArrayPool<int>.Shared.Rent(Slots);
    private readonly int[] _lengths = ArrayPool<int>.Shared.Rent(Slots);
    private char[] _names = ArrayPool<char>.Shared.Rent(Slots * SlotChars);
    private EventSchema? _schema;
    private int _next;

    /// <summary>Starts an event: field positions count from zero again; a new schema empties the cache.</summary>
    /// <param name="schema">The schema of the record being filled.</param>
    public void StartEvent(EventSchema schema)
    {
        if (!ReferenceEquals(schema, _schema))
        {
            _schema = schema;
            _lengths.AsSpan(0, Slots).Fill(-1);
        }

        _next = 0;
    }

    /// <summary>Returns the schema id of the next field of the event, named <paramref name="name"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field id, or -1 when the schema does not know the name.</returns>
    public int Resolve(ReadOnlySpan<char> name)
    {
        var slot = _next++;
        if (slot >= Slots || name.Length > SlotChars)
        {
            return _schema!.Resolve(name);
        }

        var cached = _names.AsSpan(slot * SlotChars, SlotChars);
        if (_lengths[slot] == name.Length && cached[..name.Length].SequenceEqual(name))
        {
            return _ids[slot];
        }

        var id = _schema!.Resolve(name);
        name.CopyTo(cached);
        _lengths[slot] = name.Length;
        _ids[slot] = id;
        return id;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_names.Length == 0)
        {
            return;
        }

        ArrayPool<int>.Shared.Return(_ids);
        ArrayPool<int>.Shared.Return(_lengths);
        ArrayPool<char>.Shared.Return(_names);
        _names = [];
    }
}

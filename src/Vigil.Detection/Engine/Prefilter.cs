using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>
/// The literal prefilter of every bucket at once: one <see cref="FieldIndex"/> per field holds the needles of all
/// buckets, each reporting a trigger id that is global (a bucket's triggers are numbered from its
/// <see cref="Bucket.TriggerBase"/>). Per event, each indexed field is scanned once; marks of triggers whose bucket
/// does not apply to the event are dropped, so every bucket gets the same candidates as with its own automata.
/// </summary>
internal sealed class Prefilter
{
    /// <summary>Builds the prefilter; sets each bucket's <see cref="Bucket.Index"/> and <see cref="Bucket.TriggerBase"/>.</summary>
    /// <param name="buckets">Every bucket; a bucket's index is its position here.</param>
    public Prefilter(IReadOnlyList<Bucket> buckets)
    {
        var bucketOf = new List<int>();
        var required = new List<byte>();
        var byField = new Dictionary<int, List<(Needle, int)>>();
        var bucketsByField = new Dictionary<int, List<int>>();
        for (var b = 0; b < buckets.Count; b++)
        {
            var bucket = buckets[b];
            bucket.Index = b;
            bucket.TriggerBase = bucketOf.Count;
            for (var i = 0; i < bucket.Triggered.Length; i++)
            {
                var trigger = bucketOf.Count;
                bucketOf.Add(b);
                required.Add(bucket.Required[i]);
                for (var clause = 0; clause < bucket.Clauses[i].Count; clause++)
                {
                    foreach (var needle in bucket.Clauses[i][clause])
                    {
                        if (!byField.TryGetValue(needle.FieldId, out var list))
                        {
                            byField[needle.FieldId] = list = [];
                            bucketsByField[needle.FieldId] = [];
                        }

                        // Payload: the trigger and which of its clauses the needle satisfies.
                        list.Add((needle, (trigger * TriggerExtractor.MaxClauses) + clause));
                        var fieldBuckets = bucketsByField[needle.FieldId];
                        if (fieldBuckets.Count == 0 || fieldBuckets[^1] != b)
                        {
                            fieldBuckets.Add(b);
                        }
                    }
                }
            }
        }

        BucketOfTrigger = [.. bucketOf];
        Required = [.. required];
        Fields = [.. byField.OrderBy(kv => kv.Key).Select(kv => new FieldIndex(kv.Key, kv.Value, [.. bucketsByField[kv.Key]]))];
        foreach (var field in Fields)
        {
            field.NeedleBase = NeedleCount;
            NeedleCount += field.Automaton?.NeedleCount ?? 0;
        }
    }

    /// <summary>Gets the indexed fields, by ascending field id.</summary>
    public FieldIndex[] Fields { get; }

    /// <summary>Gets, per global trigger id, the index of its bucket.</summary>
    public int[] BucketOfTrigger { get; }

    /// <summary>Gets, per global trigger id, the bit mask of clauses that must all be seen.</summary>
    public byte[] Required { get; }

    /// <summary>Gets the number of triggers of all buckets.</summary>
    public int TriggerCount => BucketOfTrigger.Length;

    /// <summary>Gets the number of automaton needles of all fields.</summary>
    public int NeedleCount { get; }
}

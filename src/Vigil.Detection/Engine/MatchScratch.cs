using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>Per-thread working memory for matching; not thread-safe.</summary>
public sealed class MatchScratch
{
    internal MatchScratch(int ruleCount, Prefilter prefilter, int bucketCount, int maxVariants, int matcherCount)
    {
        var maxTriggered = prefilter.TriggerCount;
        var needleCount = prefilter.NeedleCount;
        Required = prefilter.Required;
        BucketOfTrigger = prefilter.BucketOfTrigger;
        BucketStamp = new int[Math.Max(1, bucketCount)];
        MatcherStamp = new int[Math.Max(1, matcherCount)];
        NeedleStamp = new int[Math.Max(1, needleCount)];
        RuleStamp = new int[ruleCount];
        TriggerStamp = new int[Math.Max(1, maxTriggered)];
        TriggerMask = new byte[Math.Max(1, maxTriggered)];
        Variants = new int[Math.Max(1, maxVariants)];
    }

    internal int[] RuleStamp { get; }

    internal int[] MatcherStamp { get; }

    internal int EventGeneration { get; set; }

    internal int[] TriggerStamp { get; }

    internal byte[] TriggerMask { get; }

    internal byte[] Required { get; }

    /// <summary>Gets, per global trigger id, its bucket (see <see cref="Prefilter.BucketOfTrigger"/>).</summary>
    internal int[] BucketOfTrigger { get; }

    /// <summary>Gets, per bucket, the trigger generation of the last event the bucket applied to.</summary>
    internal int[] BucketStamp { get; }

    internal int TriggerGeneration { get; set; }

    internal List<int> Candidates { get; } = [];

    internal int[] NeedleStamp { get; }

    internal int NeedleBase { get; set; }

    internal int[] Variants { get; }

    internal List<KeyValuePair<string, string>> Matched { get; } = [];

    internal struct Marker(MatchScratch scratch) : IPayloadMarker
    {
        public void MarkNeedle(int needle, int[] payloads)
        {
            ref var stamp = ref scratch.NeedleStamp[scratch.NeedleBase + needle];
            if (stamp == scratch.TriggerGeneration)
            {
                return;
            }

            stamp = scratch.TriggerGeneration;
            foreach (var payload in payloads)
            {
                Mark(payload);
            }
        }

        public void Mark(int payload)
        {
            var trigger = payload >> 1;
            if (scratch.BucketStamp[scratch.BucketOfTrigger[trigger]] != scratch.TriggerGeneration)
            {
                // The trigger's bucket does not apply to this event.
                return;
            }

            ref var mask = ref scratch.TriggerMask[trigger];
            if (scratch.TriggerStamp[trigger] != scratch.TriggerGeneration)
            {
                scratch.TriggerStamp[trigger] = scratch.TriggerGeneration;
                mask = 0;
            }

            if ((mask & 0x80) != 0)
            {
                return;
            }

            mask |= (byte)(1 << (payload & 1));
            var required = scratch.Required[trigger];
            if ((mask & required) == required)
            {
                mask |= 0x80;
                scratch.Candidates.Add(trigger);
            }
        }
    }
}

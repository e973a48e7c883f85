using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Engine;

/// <summary>Per-thread working memory for matching; not thread-safe.</summary>
public sealed class MatchScratch
{
    internal MatchScratch(int ruleCount, int maxTriggered, int maxVariants, int needleCount, int matcherCount)
    {
        MatcherStamp = new int[Math.Max(1, matcherCount)];
        NeedleStamp = new int[Math.Max(1, needleCount)];
        RuleStamp = new int[ruleCount];
        TriggerStamp = new int[Math.Max(1, maxTriggered)];
        Variants = new int[Math.Max(1, maxVariants)];
    }

    internal int[] RuleStamp { get; }

    internal int[] MatcherStamp { get; }

    internal int EventGeneration { get; set; }

    internal int[] TriggerStamp { get; }

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
            if (scratch.TriggerStamp[payload] != scratch.TriggerGeneration)
            {
                scratch.TriggerStamp[payload] = scratch.TriggerGeneration;
                scratch.Candidates.Add(payload);
            }
        }
    }
}

using Vigil.Detection.Sigma.Compilation;

namespace Vigil.Detection.Tests.Sigma;

public sealed class NeedleAutomatonTests
{
    private struct Collector : IPayloadMarker
    {
        public List<int> Found;

        public void MarkNeedle(int needle, int[] payloads) => Found.AddRange(payloads);
    }

    private static List<int> Scan(string text, params string[] needles)
    {
        var automaton = new NeedleAutomaton([.. needles.Select((n, i) => (n, i))]);
        var collector = new Collector { Found = [] };
        automaton.Scan(text, ref collector);
        return [.. collector.Found.Distinct().Order()];
    }

    [Fact]
    public void Scan_FindsOverlappingAndNestedNeedles()
        => Scan("xxushersxx", "he", "she", "his", "hers").ShouldBe([0, 1, 3]);

    [Fact]
    public void Scan_IsCaseInsensitiveBeyondAscii()
        => Scan("C:\\WINDOWS\\SYSTEM32\\ÄRGER.EXE", "\\windows\\", "ärger", "absent").ShouldBe([0, 1]);

    [Fact]
    public void Scan_FindsNothingInUnrelatedText()
        => Scan("nothing to see", "mimikatz", "sekurlsa").ShouldBeEmpty();

    [Fact]
    public void Scan_ReportsNeedlesReachedOnlyThroughOutputLinks()
        => Scan("xabcx", "abcd", "bc", "c").ShouldBe([1, 2]);

    [Fact]
    public void Scan_MatchesIndexOfOnRandomNeedlesAndTexts()
    {
        // Small alphabet so that needles overlap, nest and share suffixes: every transition kind is exercised.
        var random = new Random(20261123);
        for (var round = 0; round < 200; round++)
        {
            var needles = Enumerable.Range(0, random.Next(1, 12)).Select(_ => RandomText(random, random.Next(1, 6))).ToArray();
            var text = RandomText(random, random.Next(0, 40));
            var expected = needles.Select((n, i) => (n, i))
                .Where(x => text.Contains(x.n, StringComparison.OrdinalIgnoreCase))
                .Select(x => x.i)
                .Order()
                .ToList();
            Scan(text, needles).ShouldBe(expected, $"text {text}, needles {string.Join(',', needles)}");
        }
    }

    private static string RandomText(Random random, int length)
    {
        const string Alphabet = "abAB\\é";
        return new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
    }
}

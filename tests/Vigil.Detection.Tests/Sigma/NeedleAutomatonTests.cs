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
}

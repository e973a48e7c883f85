using Vigil.Analytics.Behaviour.Learning;

namespace Vigil.Analytics.Tests.Behaviour.Learning;

public sealed class PcaDetectorTests
{
    /// <summary>Rows on a 2-dimensional plane inside 6 dimensions, with a little noise.</summary>
    private static List<float[]> Plane(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var a = (float)random.NextDouble() * 4;
            var b = (float)random.NextDouble() * 4;
            float Noise() => (float)((random.NextDouble() - 0.5) * 0.1);
            return new[] { a + Noise(), b + Noise(), a + b + Noise(), a - b + Noise(), (2 * a) + Noise(), b + Noise() };
        })];
    }

    [Fact]
    public void Score_RowOffThePlane_ScoresFarAboveRowsOnIt()
    {
        var detector = PcaDetector.Train(Plane(500, 1), rank: 2, spreadFloor: 0.01, seed: 1);

        var normal = detector.Score(Plane(50, 2));
        var odd = detector.Score([[1, 1, 9, -5, 0, 4]]);

        detector.Rank.ShouldBe(2);
        odd[0].ShouldBeGreaterThan(5 * normal.Max());
    }

    [Fact]
    public void Train_SameRowsAndSeed_SameScores()
    {
        var rows = Plane(300, 3);

        var first = PcaDetector.Train(rows, 2, 0.01, 7).Score(rows);
        var second = PcaDetector.Train(rows, 2, 0.01, 7).Score(rows);

        first.ShouldBe(second);
    }

    [Fact]
    public void ZScores_AgainstTheBaseline()
    {
        var detector = PcaDetector.Train(Plane(500, 1), 2, 0.01, 1);

        var z = detector.ZScores([(float)detector.Mean[0], 0, 0, 0, 0, 0]);

        z[0].ShouldBe(0, 1e-6);
        z[1].ShouldBeLessThan(0);
    }
}

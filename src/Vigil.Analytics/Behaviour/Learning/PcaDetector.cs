using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vigil.Analytics.Behaviour.Learning;

/// <summary>
/// ML.NET randomized PCA over standardized feature rows: learns the principal subspace of the baseline rows and scores a
/// row by its reconstruction error, the length of what the subspace cannot explain (in baseline standard deviations;
/// unlike ML.NET's own score, not divided by the row's length, so a day ten times busier in an unusual way scores ten
/// times higher). Deterministic for a seed.
/// </summary>
internal sealed class PcaDetector
{
    private readonly float[][] _components;
    private readonly float[] _center;

    private PcaDetector(float[][] components, float[] center, double[] mean, double[] spread)
    {
        _components = components;
        _center = center;
        Mean = mean;
        Spread = spread;
    }

    /// <summary>Gets the baseline mean of each feature.</summary>
    public double[] Mean { get; }

    /// <summary>Gets the baseline spread (standard deviation, at least the floor) of each feature.</summary>
    public double[] Spread { get; }

    /// <summary>Trains on baseline rows (at least rank + 2 of them).</summary>
    public static PcaDetector Train(IReadOnlyList<float[]> rows, int rank, double spreadFloor, int seed)
    {
        var width = rows[0].Length;
        var mean = new double[width];
        var spread = new double[width];
        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                mean[j] += row[j] / (double)rows.Count;
            }
        }

        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                spread[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / Math.Max(1, rows.Count - 1);
            }
        }

        for (var j = 0; j < width; j++)
        {
            spread[j] = Math.Max(Math.Sqrt(spread[j]), spreadFloor);
        }

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = Standardize(r, mean, spread) }), schema);
        var model = ml.AnomalyDetection.Trainers.RandomizedPca(nameof(Row.Features), rank: Math.Min(rank, width - 1), ensureZeroMean: true, seed: seed).Fit(data);
        VBuffer<float>[] vectors = [];
        model.Model.GetEigenVectors(ref vectors, out var kept);
        VBuffer<float> center = default;
        model.Model.GetMean(ref center);
        var centerValues = center.Length == width ? center.DenseValues().ToArray() : new float[width];
        return new PcaDetector([.. vectors.Take(kept).Select(v => v.DenseValues().ToArray())], centerValues, mean, spread);
    }

    /// <summary>Gets the number of principal components kept.</summary>
    public int Rank => _components.Length;

    /// <summary>Scores rows: the reconstruction error of each (higher is more unusual).</summary>
    public float[] Score(IReadOnlyList<float[]> rows) => [.. rows.Select(Error)];

    private float Error(float[] row)
    {
        var x = Standardize(row, Mean, Spread);
        for (var j = 0; j < x.Length; j++)
        {
            x[j] -= _center[j];
        }

        var residual = (float[])x.Clone();
        foreach (var component in _components)
        {
            var dot = 0f;
            for (var j = 0; j < x.Length; j++)
            {
                dot += x[j] * component[j];
            }

            for (var j = 0; j < x.Length; j++)
            {
                residual[j] -= dot * component[j];
            }
        }

        return MathF.Sqrt(residual.Sum(r => r * r));
    }

    /// <summary>The z-score of each feature of a row against the baseline.</summary>
    public double[] ZScores(float[] row) => [.. row.Select((v, j) => (v - Mean[j]) / Spread[j])];

    private static float[] Standardize(float[] row, double[] mean, double[] spread) => [.. row.Select((v, j) => (float)((v - mean[j]) / spread[j]))];

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}

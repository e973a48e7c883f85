using System.Globalization;

namespace Vigil.Simulation.Randomness;

/// <summary>
/// A seeded generator with the draws the simulation needs. Wraps <see cref="Random"/> created with a seed, whose
/// sequence is fixed for a seed on every .NET version and platform.
/// </summary>
internal sealed class SimRandom
{
    private readonly Random _random;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed.</param>
    public SimRandom(int seed)
    {
#pragma warning disable CA5394 // Not for security: a reproducible simulation needs a seeded generator.
        _random = new Random(seed);
#pragma warning restore CA5394
    }

    /// <summary>Creates the generator of one purpose of a run.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="purpose">What it is for.</param>
    /// <param name="a">A first number.</param>
    /// <param name="b">A second number.</param>
    /// <returns>The generator.</returns>
    public static SimRandom For(int seed, string purpose, long a = 0, long b = 0) => new(Seeds.Derive(seed, purpose, a, b));

    /// <summary>A number in [min, max).</summary>
    public int Next(int min, int max) => _random.Next(min, max);

    /// <summary>A number in [0, max).</summary>
    public int Next(int max) => _random.Next(max);

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>A 64-bit number in [min, max).</summary>
    public long NextLong(long min, long max) => _random.NextInt64(min, max);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A number in [min, max).</summary>
    public double Between(double min, double max) => min + (_random.NextDouble() * (max - min));

    /// <summary>One element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A random order of the elements (Fisher-Yates on a copy).</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary><paramref name="count"/> distinct elements (all when fewer), in a random order.</summary>
    public List<T> Sample<T>(IEnumerable<T> items, int count) => Shuffle(items).Take(count).ToList();

    /// <summary>A GUID from this generator, upper-case in braces as Windows renders it.</summary>
    public string Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new System.Guid(bytes).ToString("B", CultureInfo.InvariantCulture).ToUpperInvariant();
    }

    /// <summary>A GUID from this generator, lower-case without braces (CloudTrail event ids).</summary>
    public string PlainGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new System.Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    /// <summary>Upper-case letters and digits (access key ids).</summary>
    public string Token(int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(length, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[random.Next(Alphabet.Length)];
            }
        });
    }
}

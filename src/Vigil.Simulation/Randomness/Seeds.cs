namespace Vigil.Simulation.Randomness;

/// <summary>
/// Derives independent, stable seeds from the run's seed and a purpose (a name and up to two numbers), so that each
/// person-day, scenario and organisation part has a generator of its own: changing one part does not shift the others.
/// Stable across processes and platforms (FNV-1a and SplitMix64; never <see cref="string.GetHashCode()"/>).
/// </summary>
internal static class Seeds
{
    /// <summary>Derives a seed.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="purpose">What the generator is for.</param>
    /// <param name="a">A first number (a day, a person index).</param>
    /// <param name="b">A second number.</param>
    /// <returns>The derived seed.</returns>
    public static int Derive(int seed, string purpose, long a = 0, long b = 0)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var x = Mix(hash ^ Mix((ulong)seed + 0x9E3779B97F4A7C15UL) ^ Mix((ulong)a * 31 + 7) ^ Mix(((ulong)b * 131) + 11));
        return (int)(x & 0x7FFFFFFF);
    }

    /// <summary>A stable 64-bit hash of a text (for values derived from names, such as file hashes).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

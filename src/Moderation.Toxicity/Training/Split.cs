namespace Moderation.Toxicity.Training;

/// <summary>Deterministic hold-out by a hash of the normalised text, so duplicate comments never straddle train and validation.</summary>
internal static class Split
{
    public static bool IsHeldOut(string normalisedText, int seed, double fraction) =>
        fraction > 0 && StableHash(normalisedText, seed) % 10_000 < fraction * 10_000;

    /// <summary>FNV-1a, 64 bit: stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    internal static ulong StableHash(string text, int seed)
    {
        var hash = 14695981039346656037UL ^ (ulong)seed;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash ^ (hash >> 29);
    }
}

using Moderation.Toxicity.Lexicon;

namespace Moderation.Toxicity.Training;

/// <summary>
/// A source with only toxic rows cannot tell its domain from its label: a linear model trained on it learns
/// that the source's ordinary words (for news comments: politicians, taxes, parties) are toxic. Such rows
/// keep their lexicon features but give the n-gram features only their abusive words and neighbours.
/// </summary>
internal static class SingleClassSources
{
    /// <summary>Sources with at least 100 rows of which at least 99 % are toxic.</summary>
    public static HashSet<string> Find(IEnumerable<(string Source, bool Toxic)> rows) =>
        rows.GroupBy(r => r.Source)
            .Where(g => g.Count() >= 100 && g.Count(r => r.Toxic) >= 0.99 * g.Count())
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The abusive words of a normalised text with one word either side ("you idiot", "fucking liar"); empty when there are none.</summary>
    public static string AbusiveParts(string normalised)
    {
        var tokens = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keep = new bool[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (ToxicLexicon.IsAbusive(tokens[i]))
            {
                for (var j = Math.Max(0, i - 1); j <= Math.Min(tokens.Length - 1, i + 1); j++)
                {
                    keep[j] = true;
                }
            }
        }

        return string.Join(' ', tokens.Where((_, i) => keep[i]));
    }
}

namespace Moderation.Toxicity.Lexicon;

/// <summary>
/// A list of phrases of normalised tokens, indexed by first word so that finding them costs one lookup per token;
/// "*" in a phrase (not first) matches any one token.
/// </summary>
internal sealed class Phrases
{
    private readonly Dictionary<string, string[][]> _byFirstWord;

    public Phrases(string[][] phrases) =>
        _byFirstWord = phrases.GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Calls <paramref name="found"/> with the start and length of every match of every phrase.</summary>
    public void Find(IReadOnlyList<string> tokens, Action<int, int> found)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(tokens[i], out var phrases))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                if (i + phrase.Length > tokens.Count)
                {
                    continue;
                }

                var match = true;
                for (var k = 1; k < phrase.Length && match; k++)
                {
                    match = phrase[k] == "*" || tokens[i + k] == phrase[k];
                }

                if (match)
                {
                    found(i, phrase.Length);
                }
            }
        }
    }
}

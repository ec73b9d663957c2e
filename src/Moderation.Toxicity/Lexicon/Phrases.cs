namespace Moderation.Toxicity.Lexicon;

/// <summary>Finds phrases of normalised tokens in a comment; "*" in a phrase matches any one token.</summary>
internal static class Phrases
{
    /// <summary>Calls <paramref name="found"/> with the start and length of every match of every phrase.</summary>
    public static void Find(IReadOnlyList<string> tokens, string[][] phrases, Action<int, int> found)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var phrase in phrases)
            {
                if (i + phrase.Length > tokens.Count || tokens[i] != phrase[0])
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

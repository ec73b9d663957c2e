using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Lexicon;

/// <summary>
/// Dense features from the lexicon, the second-person patterns and the raw text's style. They let a linear
/// model give one weight to a whole class of words, so an insult it never saw in training still counts.
/// </summary>
public static class LexiconFeatures
{
    /// <summary>Feature names, in vector order; explanations use them for terms that are not words.</summary>
    public static readonly string[] Names =
    [
        "profanity", "profanity count", "slur", "slur count", "insult", "insult count", "threat phrase", "violence word",
        "targeted abuse", "targeted abuse count", "dismissive phrase", "second person", "shouting", "exclamation marks",
        "obfuscated spelling", "abusive share",
    ];

    /// <summary>The vector length; a constant because ML.NET needs fixed-size vector columns.</summary>
    public const int Count = 16;

    private static readonly Phrases ThreatPhrases = new(LexiconTerms.ThreatPhrases);
    private static readonly Phrases DismissivePhrases = new(LexiconTerms.DismissivePhrases);

    public static LexiconAnalysis Analyse(NormalisedText text) => Analyse(text, null);

    /// <summary>As <see cref="Analyse(NormalisedText)"/>, but abusive and violent words the writer negates or reports (see <see cref="ClauseScopes"/>) do not count.</summary>
    internal static LexiconAnalysis Analyse(NormalisedText text, TokenScope[]? scopes)
    {
        var features = new float[Count];
        var evidence = new List<string>[Count];
        for (var i = 0; i < Count; i++)
        {
            evidence[i] = [];
        }

        var tokens = text.Tokens;
        var categories = new LexiconCategory?[tokens.Count];
        int profanity = 0, slurs = 0, insults = 0, violence = 0, secondPerson = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            categories[i] = scopes is not null && scopes[i] != TokenScope.Own ? null : ToxicLexicon.Match(tokens[i]);
            switch (categories[i])
            {
                case LexiconCategory.Profanity: profanity++; evidence[0].Add(tokens[i]); break;
                case LexiconCategory.Slur: slurs++; evidence[2].Add(tokens[i]); break;
                case LexiconCategory.Insult: insults++; evidence[4].Add(tokens[i]); break;
                case LexiconCategory.Violence: violence++; evidence[7].Add(tokens[i]); break;
            }

            if (ToxicLexicon.IsSecondPerson(tokens[i]))
            {
                secondPerson++;
                evidence[11].Add(tokens[i]);
            }
        }

        var targeted = FindTargeted(tokens, categories, evidence[8]);
        var threats = FindPhrases(tokens, ThreatPhrases, evidence[6]);
        var dismissive = FindPhrases(tokens, DismissivePhrases, evidence[10]);

        features[0] = Any(profanity);
        features[1] = Log(profanity);
        features[2] = Any(slurs);
        features[3] = Log(slurs);
        features[4] = Any(insults);
        features[5] = Log(insults);
        features[6] = Any(threats);
        features[7] = Any(violence);
        features[8] = Any(targeted);
        features[9] = Log(targeted);
        features[10] = Any(dismissive);
        features[11] = tokens.Count == 0 ? 0 : Math.Min(1f, 4f * secondPerson / tokens.Count);
        features[12] = (float)text.UppercaseShare;
        features[13] = Math.Min(text.ExclamationMarks, 5) / 5f;
        features[14] = text.Evasion is EvasionSignals.None or EvasionSignals.InvisibleCharacters ? 0 : 1;
        features[15] = tokens.Count == 0 ? 0 : Math.Min(1f, 3f * (profanity + slurs + insults) / tokens.Count);
        if (features[12] > 0.5f)
        {
            evidence[12].Add("(capitals)");
        }

        if (features[13] > 0)
        {
            evidence[13].Add("(!)");
        }

        if (features[14] > 0)
        {
            evidence[14].Add($"({text.Evasion.ToString().ToLowerInvariant()})");
        }

        evidence[1].AddRange(evidence[0]);
        evidence[3].AddRange(evidence[2]);
        evidence[5].AddRange(evidence[4]);
        evidence[9].AddRange(evidence[8]);
        evidence[15].AddRange(evidence[0].Concat(evidence[2]).Concat(evidence[4]));
        return new LexiconAnalysis(features, evidence);
    }

    private static int FindTargeted(IReadOnlyList<string> tokens, LexiconCategory?[] categories, List<string> evidence)
    {
        const int window = 4;
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (categories[i] is not (LexiconCategory.Profanity or LexiconCategory.Slur or LexiconCategory.Insult))
            {
                continue;
            }

            // "you are such an idiot" (you before) or "fuck you", "idiots like you" (you after).
            for (var j = Math.Max(0, i - window); j <= Math.Min(tokens.Count - 1, i + 2); j++)
            {
                if (j != i && ToxicLexicon.IsSecondPerson(tokens[j]))
                {
                    count++;
                    var from = Math.Min(i, j);
                    var to = Math.Max(i, j);
                    evidence.Add(string.Join(' ', tokens.Skip(from).Take(to - from + 1)));
                    break;
                }
            }
        }

        return count;
    }

    private static int FindPhrases(IReadOnlyList<string> tokens, Phrases phrases, List<string> evidence)
    {
        var count = 0;
        phrases.Find(tokens, (start, length) =>
        {
            count++;
            evidence.Add(string.Join(' ', tokens.Skip(start).Take(length)));
        });
        return count;
    }

    private static float Any(int count) => count > 0 ? 1 : 0;

    private static float Log(int count) => (float)Math.Log(1 + count);
}

using Moderation.Toxicity.Lexicon;

namespace Moderation.Toxicity.Normalisation;

/// <summary>
/// Shortens runs of three or more equal letters ("stuuuupid"). English rarely triples a letter, so a run
/// becomes one letter when that makes a lexicon word, else two ("soooo good" keeps "good" intact as "soo good").
/// </summary>
internal static class StretchedLetters
{
    public static string Collapse(string word, ref EvasionSignals signals)
    {
        if (!HasRun(word))
        {
            return word;
        }

        signals |= EvasionSignals.StretchedLetters;
        var single = Shorten(word, 1);
        if (ToxicLexicon.IsKnown(single))
        {
            return single;
        }

        var twice = Shorten(word, 2);
        if (ToxicLexicon.IsKnown(twice))
        {
            return twice;
        }

        // A run of a letter that English never doubles (e.g. "a", "i", "u") collapses to one.
        return Shorten(word, 2, singleFor: "aiuyhjkqvwx");
    }

    private static bool HasRun(string word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2] && char.IsLetter(word[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string word, int keep, string singleFor = "")
    {
        var chars = new char[word.Length];
        var n = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            var limit = run >= 3 && char.IsLetter(word[i]) ? (singleFor.Contains(word[i]) ? 1 : keep) : run;
            for (var k = 0; k < limit; k++)
            {
                chars[n++] = word[i];
            }

            i += run - 1;
        }

        return new string(chars, 0, n);
    }
}

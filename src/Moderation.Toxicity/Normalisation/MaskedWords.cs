using Moderation.Toxicity.Lexicon;

namespace Moderation.Toxicity.Normalisation;

/// <summary>Fills masked letters ("f*ck", "sh**", "b#tch") from a short list of words people usually mask.</summary>
internal static class MaskedWords
{
    private static readonly string[] Candidates =
    [
        "fuck", "fucking", "fucker", "fucked", "fucks", "shit", "shitty", "bitch", "bitches", "cunt", "dick", "cock", "ass",
        "asshole", "bastard", "damn", "hell", "piss", "pussy", "slut", "whore", "nigger", "nigga", "faggot", "fag", "retard",
        "idiot", "stupid", "moron", "crap", "twat", "wanker", "bullshit", "motherfucker",
    ];

    public static string? Fill(string word)
    {
        var core = word.Trim('*', '#', '.', '!', '?', ',');
        if (core.Length < 2 || !core.Any(char.IsAsciiLetter) || !core.Any(c => c is '*' or '#'))
        {
            return null;
        }

        string? found = null;
        foreach (var candidate in Candidates)
        {
            if (candidate.Length != core.Length || !Fits(core, candidate))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = candidate;
        }

        return found is not null && ToxicLexicon.IsKnown(found) || found == "hell" ? found : null;
    }

    private static bool Fits(string masked, string candidate)
    {
        for (var i = 0; i < masked.Length; i++)
        {
            if (masked[i] is not ('*' or '#') && masked[i] != candidate[i])
            {
                return false;
            }
        }

        return true;
    }
}

namespace Moderation.Toxicity.WordLists;

/// <summary>
/// Other readings of a normalised word that mixes letters and digits: its digits read as letters. The normaliser
/// decodes a digit at a word's edge only when that makes a word of its lexicon ("1diot"); a site's own words are not
/// in it, so "5pammer" comes out as is and is read here as "spammer" (and "1" as "l" too: "1oser").
/// </summary>
internal static class DigitReadings
{
    /// <summary>The other readings of a word, or null when it has none (no digit beside a letter: most words).</summary>
    public static string[]? Apply(string word)
    {
        if (!HasLetterAndDigit(word))
        {
            return null;
        }

        var asI = Read(word, 'i');
        var asL = Read(word, 'l');
        return asL == asI ? [asI] : [asI, asL];
    }

    private static bool HasLetterAndDigit(string word)
    {
        bool letter = false, digit = false;
        foreach (var ch in word)
        {
            letter |= char.IsLetter(ch);
            digit |= char.IsAsciiDigit(ch);
        }

        return letter && digit;
    }

    private static string Read(string word, char one) => string.Create(word.Length, (word, one), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.word[i] switch
            {
                '0' => 'o',
                '1' => state.one,
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '8' => 'b',
                '9' => 'g',
                var ch => ch,
            };
        }
    });
}

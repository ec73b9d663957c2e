namespace Moderation.Toxicity.Normalisation;

/// <summary>
/// Maps lower-case Cyrillic and Greek letters that look like Latin ones to the Latin letter.
/// The service moderates English, so folding a genuine Cyrillic or Greek word costs little.
/// </summary>
internal static class Homoglyphs
{
    private static readonly Dictionary<char, char> Map = new()
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['з'] = '3', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j',
        ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['т'] = 't',
        ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['ԁ'] = 'd', ['ɡ'] = 'g', ['һ'] = 'h', ['ԛ'] = 'q',
        ['ԝ'] = 'w', ['ү'] = 'y', ['ӏ'] = 'l', ['п'] = 'n', ['г'] = 'r', ['ь'] = 'b', ['ц'] = 'u', ['и'] = 'u',
        // Greek
        ['α'] = 'a', ['β'] = 'b', ['γ'] = 'y', ['δ'] = 'd', ['ε'] = 'e', ['ζ'] = 'z', ['η'] = 'n', ['ι'] = 'i',
        ['κ'] = 'k', ['μ'] = 'u', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['σ'] = 'o', ['ς'] = 's', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w', ['ϲ'] = 'c', ['ϳ'] = 'j',
    };

    public static string Fold(string text, ref EvasionSignals signals)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u036F' && Map.TryGetValue(text[i], out var latin))
            {
                chars ??= text.ToCharArray();
                chars[i] = latin;
            }
        }

        if (chars is null)
        {
            return text;
        }

        signals |= EvasionSignals.Homoglyphs;
        return new string(chars);
    }
}

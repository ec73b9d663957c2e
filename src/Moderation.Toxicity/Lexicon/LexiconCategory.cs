namespace Moderation.Toxicity.Lexicon;

/// <summary>The kinds of abusive words the lexicon knows.</summary>
public enum LexiconCategory
{
    Profanity,
    Slur,
    Insult,
    Violence,
}

namespace Moderation.Toxicity.WordLists;

/// <summary>What a site's word lists say about a comment; a banned match outranks a suspect one.</summary>
public enum WordListKind
{
    None = 0,
    Suspect = 1,
    Banned = 2,
}

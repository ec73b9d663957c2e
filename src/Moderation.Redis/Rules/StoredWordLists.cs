namespace Moderation.Redis.Rules;

/// <summary>A site's banned and suspect words and phrases as an editor wrote them.</summary>
public sealed record WordLists(IReadOnlyList<string> Banned, IReadOnlyList<string> Suspect)
{
    public static readonly WordLists Empty = new([], []);
}

/// <summary>The stored word lists: version 0 (empty, never set) until the first change.</summary>
public sealed record StoredWordLists(long Version, WordLists Lists, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static readonly StoredWordLists Never = new(0, WordLists.Empty, null, null);
}

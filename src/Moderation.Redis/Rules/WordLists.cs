namespace Moderation.Redis.Rules;

/// <summary>A site's banned and suspect words and phrases as an editor wrote them.</summary>
public sealed record WordLists(IReadOnlyList<string> Banned, IReadOnlyList<string> Suspect)
{
    public static readonly WordLists Empty = new([], []);
}


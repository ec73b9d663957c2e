namespace Moderation.Http.Comments;

/// <summary>A comment's reactions after a reader added or removed theirs.</summary>
/// <param name="Reactions">How many readers reacted to it.</param>
/// <param name="ReactedByMe">Whether the calling reader's reaction is on it now.</param>
public sealed record ReactionResponse(long Reactions, bool ReactedByMe);

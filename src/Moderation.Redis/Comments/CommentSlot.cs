namespace Moderation.Redis.Comments;

/// <summary>
/// Every key that a comment, report, decision or audit script touches starts with <see cref="Prefix"/>, whose hash tag
/// puts them all in one Redis Cluster slot: the scripts change a comment, its article's indexes, the site-wide queues
/// and the audit trail together, and Redis Cluster runs a script only over keys of one slot. So on a Redis Cluster one
/// master carries all comment and moderation writes (polls, rate limits and grain state spread over every master);
/// see docs/deploy.md for what that carries and how the site-wide views would be split to go further.
/// </summary>
public static class CommentSlot
{
    /// <summary>The start of every comment-family key. The braces after it (the old per-id tags) no longer decide the slot: the first pair does.</summary>
    public const string Prefix = "moderation:{comments}:";

    /// <summary>The prefix keys had before they shared a slot; <see cref="CommentKeyMigration"/> renames such keys.</summary>
    public const string OldPrefix = "moderation:";
}

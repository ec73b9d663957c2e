namespace Moderation.Redis.Readers;

/// <summary>Where a reader's standing and gates live in Redis: the reader id sits in a hash tag, like an article's or a poll's.</summary>
public static class ReaderRedisKeys
{
    /// <summary>Set of banned reader ids: the hot paths' cheap check.</summary>
    public const string Banned = "moderation:readers:banned";

    /// <summary>Set of a reader's comments waiting for a moderator, which a ban with rejectPending rejects.</summary>
    public static string Pending(string readerId) => $"moderation:reader:{{{readerId}}}:pending";

    /// <summary>Key that exists while a reader must wait before posting again (SET NX PX).</summary>
    public static string PostGate(string readerId) => $"moderation:reader:{{{readerId}}}:post-gate";
}

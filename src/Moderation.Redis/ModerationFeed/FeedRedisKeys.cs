namespace Moderation.Redis.ModerationFeed;

/// <summary>
/// The moderation feed's key family: the events moderators watch live (held, reported, decided, banned). Both keys
/// carry the hash tag <c>{feed}</c>, so the append script runs on one Redis, the embedded store and Redis Cluster alike.
/// </summary>
public static class FeedRedisKeys
{
    private const string Prefix = "moderation:{feed}:";

    /// <summary>Counter: the last event id handed out.</summary>
    public const string Sequence = Prefix + "seq";

    /// <summary>Sorted set of the latest events by id (member <c>id\njson</c>): what a reconnecting listener missed.</summary>
    public const string Recent = Prefix + "recent";

    /// <summary>Pub/sub channel carrying each event (<c>id\njson</c>) to every silo's listeners.</summary>
    public const string Channel = "moderation:feed";
}

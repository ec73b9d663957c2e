namespace Moderation.Redis.Rules;

/// <summary>
/// The "rules" key family: a site's own moderation rules. Every key carries the hash tag <c>{rules}</c>, so a script
/// over several of them runs on one Redis, the embedded store and Redis Cluster alike.
/// </summary>
public static class RulesRedisKeys
{
    private const string Prefix = "moderation:{rules}:";

    /// <summary>Hash: <c>version</c> (grows by one per change), <c>banned</c> and <c>suspect</c> (JSON arrays), <c>updatedAt</c> (Unix ms), <c>updatedBy</c>.</summary>
    public const string Words = Prefix + "words";

    /// <summary>Hash: <c>version</c> (grows by one per change), <c>settings</c> (JSON), <c>updatedAt</c> (Unix ms), <c>updatedBy</c>.</summary>
    public const string Trust = Prefix + "trust";

    /// <summary>Pub/sub channel announcing a new trust settings version to every silo.</summary>
    public const string TrustChangedChannel = "moderation:rules:trust-changed";

    /// <summary>Pub/sub channel announcing a new word list version to every silo.</summary>
    public const string WordsChangedChannel = "moderation:rules:words-changed";
}

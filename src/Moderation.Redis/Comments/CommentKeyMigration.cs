using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Renames the comment family's keys from the layout before they shared one slot (<c>moderation:comment:{c}</c>) to
/// the current one (<c>moderation:{comments}:comment:{c}</c>): the same name after a new prefix. A silo runs it at
/// start, before any grain writes; it renames with RENAMENX one key at a time, so a start cut short resumes where it
/// stopped, and a key whose new name is taken already is left where it is and logged, never overwritten.
/// </summary>
public sealed class CommentKeyMigration(IConnectionMultiplexer redis, ILogger<CommentKeyMigration> logger)
{
    // The old names of every comment-family key; pub/sub channels are not keys and poll, rate-limit, ban-list and
    // post-gate keys keep their names.
    private static readonly string[] Patterns =
    [
        "moderation:comment:*",
        "moderation:article:*",
        "moderation:articles:touched",
        "moderation:comments:seq",
        "moderation:queue:*",
        "moderation:reader:*:pending",
        "moderation:audit:*",
        "moderation:feedback",
        "moderation:feedback:records",
    ];

    /// <returns>How many keys were renamed.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var renamed = 0;
        var kept = 0;
        var masters = redis.GetServers().Where(server => server.IsConnected && !server.IsReplica).ToArray();
        if (masters.Length == 0)
        {
            logger.LogWarning("Redis is not reachable, so keys of the old comment layout were not looked for; restart the silo once it is");
            return 0;
        }

        foreach (var server in masters)
        {
            foreach (var pattern in Patterns)
            {
                await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000).WithCancellation(cancellationToken))
                {
                    var name = (string)key!;
                    if (name.StartsWith(CommentSlot.Prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (await MoveAsync(database, server.ServerType == ServerType.Cluster, key, CommentSlot.Prefix + name[CommentSlot.OldPrefix.Length..]))
                    {
                        renamed++;
                    }
                    else if (await database.KeyExistsAsync(key))
                    {
                        kept++;
                        logger.LogWarning("Kept {Key}: its new name {NewKey} is taken", name, CommentSlot.Prefix + name[CommentSlot.OldPrefix.Length..]);
                    }
                }
            }
        }

        if (renamed > 0 || kept > 0)
        {
            logger.LogInformation("Moved {Renamed} comment keys into the comment slot; kept {Kept} whose new name was taken", renamed, kept);
        }

        return renamed;
    }

    /// <returns>False when the new name is taken.</returns>
    private static async Task<bool> MoveAsync(IDatabase database, bool cluster, RedisKey from, RedisKey to)
    {
        if (!cluster)
        {
            return await database.KeyRenameAsync(from, to, When.NotExists);
        }

        // On a Redis Cluster the two names live in different slots: copy the value and its expiry, then delete the old key.
        if (await database.KeyExistsAsync(to) || await database.KeyDumpAsync(from) is not { } dump)
        {
            return false;
        }

        await database.KeyRestoreAsync(to, dump, await database.KeyTimeToLiveAsync(from));
        await database.KeyDeleteAsync(from);
        return true;
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Moves the comment family's keys of both earlier layouts into part 0 (<see cref="CommentParts"/>): the layout with
/// a tag per id (<c>moderation:comment:{c}</c>) and the one with one slot for the family
/// (<c>moderation:{comments}:comment:{c}</c>) become <c>moderation:{c0-112}:comment:{c}</c>, the same name after a new
/// prefix. First it records every article of those layouts in <see cref="CommentParts.Part0ArticlesKey"/>, so they stay
/// in part 0 with their comments; then it moves the keys one at a time (RENAMENX, or DUMP/RESTORE/DEL on a cluster),
/// so a start cut short resumes where it stopped and a second start finds nothing. A key whose new name is taken is
/// left where it is and logged, never overwritten. A silo runs it at start, before any grain writes.
/// </summary>
public sealed partial class CommentKeyMigration(IConnectionMultiplexer redis, ILogger<CommentKeyMigration> logger)
{
    // The old names of every comment-family key; pub/sub channels are not keys and poll, rate-limit, ban-list and
    // post-gate keys keep their names.
    private static readonly (string Prefix, string[] Patterns)[] Layouts =
    [
        (CommentParts.UntaggedPrefix,
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
        ]),
        (CommentParts.OneSlotPrefix, ["moderation:{comments}:*"]),
    ];

    private static readonly string[] ArticlePatterns = ["moderation:article:*", "moderation:{comments}:article:*"];

    /// <returns>How many keys were moved.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var masters = redis.GetServers().Where(server => server.IsConnected && !server.IsReplica).ToArray();
        if (masters.Length == 0)
        {
            logger.LogWarning("Redis is not reachable, so keys of the old comment layouts were not looked for; restart the silo once it is");
            return 0;
        }

        var articles = await RecordArticlesAsync(database, masters, cancellationToken);
        var (moved, kept) = await MoveAsync(database, masters, cancellationToken);
        // Feedback positions handed out from now on exceed every audit number a reader may have kept as its position.
        if (await database.StringGetAsync(ModerationRedisKeys.AuditSequence(0)) is { IsNull: false } auditSequence)
        {
            await database.StringSetAsync(ModerationRedisKeys.FeedbackCursorSequence, auditSequence, when: When.NotExists);
        }

        if (moved > 0 || kept > 0 || articles > 0)
        {
            logger.LogInformation(
                "Moved {Moved} comment keys into part 0 of the parted layout, with {Articles} articles; kept {Kept} whose new name was taken",
                moved, articles, kept);
        }

        return moved;
    }

    private static async Task<int> RecordArticlesAsync(IDatabase database, IServer[] masters, CancellationToken cancellationToken)
    {
        var articles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in masters)
        {
            foreach (var pattern in ArticlePatterns)
            {
                await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000).WithCancellation(cancellationToken))
                {
                    if (ArticleKey().Match((string)key!) is { Success: true } match)
                    {
                        articles.Add(match.Groups["article"].Value);
                    }
                }
            }
        }

        foreach (var chunk in articles.Chunk(1000))
        {
            await database.SetAddAsync(CommentParts.Part0ArticlesKey, [.. chunk.Select(article => (RedisValue)article)]);
        }

        return articles.Count;
    }

    private async Task<(int Moved, int Kept)> MoveAsync(IDatabase database, IServer[] masters, CancellationToken cancellationToken)
    {
        var moved = 0;
        var kept = 0;
        foreach (var server in masters)
        {
            foreach (var (prefix, patterns) in Layouts)
            {
                foreach (var pattern in patterns)
                {
                    await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000).WithCancellation(cancellationToken))
                    {
                        var name = (string)key!;
                        var target = CommentParts.Prefix(0) + name[prefix.Length..];
                        if (await MoveAsync(database, server.ServerType == ServerType.Cluster, key, target))
                        {
                            moved++;
                        }
                        else if (await database.KeyExistsAsync(key))
                        {
                            kept++;
                            logger.LogWarning("Kept {Key}: its new name {NewKey} is taken", name, target);
                        }
                    }
                }
            }
        }

        return (moved, kept);
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

    [GeneratedRegex(@"^moderation:(\{comments\}:)?article:\{(?<article>[^}]*)\}:")]
    private static partial Regex ArticleKey();
}

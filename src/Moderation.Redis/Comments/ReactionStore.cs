using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>What a reaction request came to.</summary>
public enum ReactionOutcome
{
    /// <summary>The reader's reaction is now as asked (whether or not it changed).</summary>
    Applied,

    /// <summary>The comment is not published (or does not exist).</summary>
    NotFound,

    /// <summary>The reader wrote the comment.</summary>
    OwnComment,
}

/// <summary>
/// Readers' reactions ("respect"): one per reader per comment, kept as a set of reactors beside the comment. One script
/// in the comment's part adds or removes the reader and writes the set's size into the comment's hash (and, for a
/// top-level comment, its place in the article's <c>top</c> index; for one on a cached first page, a new thread version), so the count
/// is exact under any concurrency and O(1) per reaction; since it writes the size rather than adding one, a script
/// cut short by a crash leaves a count that the next reaction on the comment sets right.
/// </summary>
public sealed class ReactionStore(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>ARGV: reader id, '1' to add or '0' to remove, comment id. Answers {'applied', count}, {'not-found'} or {'own'}.</summary>
    internal static readonly RedisScript<CommentView> React = new(
        "react to a comment",
        new ScriptKeys<CommentView>()
            .Key("comment", comment => CommentRedisKeys.Comment(comment.Id))
            .Key("reactors", comment => CommentRedisKeys.Reactors(comment.Id))
            .Key("thread_version", comment => CommentRedisKeys.ThreadVersion(CommentParts.OfComment(comment.Id), comment.ArticleId))
            .Key("top", comment => CommentRedisKeys.Top(CommentParts.OfComment(comment.Id), comment.ArticleId)),
        """
        local reader, add, id = ARGV[1], ARGV[2] == '1', ARGV[3]
        local c = redis.call('HMGET', comment, 'status', 'authorId', 'threadParentId', 'seq', 'featured')
        if c[1] ~= 'published' then return {'not-found'} end
        if c[2] == reader then return {'own'} end
        local changed
        if add then changed = redis.call('SADD', reactors, reader) else changed = redis.call('SREM', reactors, reader) end
        local n = redis.call('SCARD', reactors)
        if changed == 1 then
          redis.call('HSET', comment, 'reactions', tostring(n))
          local top_level = (c[3] or '') == ''
          if top_level then redis.call('ZADD', top, top_score(n, c[4]), id) end
          -- A featured reply is on the featured sort's cached first page too.
          if top_level or c[5] == '1' then redis.call('INCR', thread_version) end
        end
        return {'applied', tostring(n)}
        """,
        TopOrder.Lua);

    /// <summary>Adds (or with <paramref name="add"/> false removes) the reader's reaction; answers the outcome and the comment's count after it.</summary>
    public async Task<(ReactionOutcome Outcome, long Reactions)> ReactAsync(CommentView comment, string readerId, bool add)
    {
        var result = (RedisResult[])(await React.EvaluateAsync(
            CommentStore.Writes(writes, CommentParts.OfComment(comment.Id)), comment, [readerId, add ? "1" : "0", comment.Id]))!;
        return (string)result[0]! switch
        {
            "applied" => (ReactionOutcome.Applied, long.Parse((string)result[1]!, CultureInfo.InvariantCulture)),
            "own" => (ReactionOutcome.OwnComment, 0),
            _ => (ReactionOutcome.NotFound, 0),
        };
    }

    /// <summary>Which of <paramref name="commentIds"/> the reader reacted to, in one round trip.</summary>
    public async Task<IReadOnlySet<string>> ReactedAsync(string readerId, IReadOnlyList<string> commentIds)
    {
        if (commentIds.Count == 0)
        {
            return new HashSet<string>();
        }

        var batch = redis.GetDatabase().CreateBatch();
        var lookups = commentIds.Select(id => batch.SetContainsAsync(CommentRedisKeys.Reactors(id), readerId)).ToArray();
        batch.Execute();
        var found = await Task.WhenAll(lookups);
        return commentIds.Where((_, i) => found[i]).ToHashSet(StringComparer.Ordinal);
    }
}

using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Connection;
using Moderation.Redis.Moderators;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Featured comments: an editor's or moderator's pick, one script in the comment's part that sets the comment's flag,
/// its place in the article's featured index and the audit record together. Featuring what is already featured (or
/// taking back what is not) changes nothing and records nothing. A rejection or deletion takes the pick back
/// (the decide and delete scripts).
/// </summary>
public sealed class FeatureStore(RedisWriteConnections writes)
{
    /// <summary>A comment being featured or unfeatured by a moderator.</summary>
    internal sealed record Pick(CommentView Comment, string ModeratorId)
    {
        public int Part => CommentParts.OfComment(Comment.Id);
    }

    /// <summary>ARGV: '1' to feature or '0' to take back, comment id, audit record head. Answers 'changed', 'same' or 'not-found'.</summary>
    internal static readonly RedisScript<Pick> Feature = new(
        "feature a comment",
        new ScriptKeys<Pick>()
            .Key("comment", pick => CommentRedisKeys.Comment(pick.Comment.Id))
            .Key("featured", pick => CommentRedisKeys.Featured(pick.Part, pick.Comment.ArticleId))
            .Key("thread_version", pick => CommentRedisKeys.ThreadVersion(pick.Part, pick.Comment.ArticleId))
            .With(AuditScript.Keys(), pick => AuditScript.Subject.About(pick.Comment.Id, pick.ModeratorId)),
        """
        local on, id = ARGV[1] == '1', ARGV[2]
        local c = redis.call('HMGET', comment, 'status', 'featured', 'seq')
        if c[1] ~= 'published' then return 'not-found' end
        if (c[2] == '1') == on then return 'same' end
        if on then
          redis.call('ZADD', featured, c[3], id)
          redis.call('HSET', comment, 'featured', '1')
        else
          redis.call('ZREM', featured, id)
          redis.call('HSET', comment, 'featured', '0')
        end
        redis.call('INCR', thread_version)
        append_audit(audit_json(ARGV[3], 'published', 'published'), true, true)
        return 'changed'
        """,
        AuditScript.Lua);

    /// <returns>Whether this call changed the pick (exactly one of concurrent calls does), found it as asked already, or found no published comment.</returns>
    public async Task<FeatureOutcome> FeatureAsync(CommentView comment, bool featured, string moderatorId, DateTimeOffset at)
    {
        var audit = AuditJson.Head(new AuditEntry(
            at, moderatorId, comment.Id, comment.AuthorId, featured ? "feature" : "unfeature", null, null, null, null, comment.Score));
        var result = (string)(await Feature.EvaluateAsync(
            CommentStore.Writes(writes, CommentParts.OfComment(comment.Id)), new Pick(comment, moderatorId), [featured ? "1" : "0", comment.Id, audit]))!;
        return result switch
        {
            "changed" => FeatureOutcome.Changed,
            "same" => FeatureOutcome.AlreadySo,
            _ => FeatureOutcome.NotFound,
        };
    }
}

/// <summary>What a feature or unfeature call came to.</summary>
public enum FeatureOutcome
{
    /// <summary>This call changed the pick (and audited it).</summary>
    Changed,

    /// <summary>The comment was already as asked: nothing changed, nothing recorded.</summary>
    AlreadySo,

    /// <summary>The comment is not published (or not stored).</summary>
    NotFound,
}

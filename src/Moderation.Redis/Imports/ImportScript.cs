using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Imports;

/// <summary>
/// Stores one imported comment with every index a posted comment has, in its status, in one script on its part's slot.
/// It differs from posting in three ways: the status is the old system's (a reply may sit under a deleted or rejected
/// parent), nothing is scored unless asked, and a rejection is dated by the comment's own time, so old rejections do not
/// count as recent ones in the trust rules. Its audit record (action <c>import</c>) is written with it, or none for a
/// comment from this service's export, whose own records are restored from the file.
/// </summary>
internal static class ImportScript
{
    /// <summary>An imported comment and the comment it is shown under (null at top level).</summary>
    public sealed record Target(ImportedComment Comment, string? ThreadParentId, string? Importer)
    {
        public int Part => CommentParts.OfComment(Comment.Id);

        public PublishedCountScript.Placement Placement => new(Comment.ArticleId, Comment.Id, ThreadParentId);
    }

    /// <summary>
    /// ARGV: status, article id, comment id, now (Unix ms), created at (Unix ms), whether it has a parent ('1'), score in
    /// millionths (0 when not scored), the audit record (JSON; empty: none), then the comment's fields as name/value pairs. Answers stored, exists or waiting-for-parent.
    /// </summary>
    public static readonly RedisScript<Target> Import = new(
        "import a comment",
        new ScriptKeys<Target>()
            .Key("comment", target => CommentRedisKeys.Comment(target.Comment.Id))
            .Key("parent", target => target.Comment.ParentId is null
                ? CommentRedisKeys.Unused(target.Part, target.Comment.Id, "parent")
                : CommentRedisKeys.Comment(target.Comment.ParentId))
            .Key("thread", target => PublishedCountScript.Thread(target.Placement))
            .With(PublishedCountScript.Keys(), target => target.Placement)
            .Key("sequence", target => CommentRedisKeys.Sequence(target.Part))
            .With(QueueScript.Keys(), target => (target.Part, target.Comment.ArticleId))
            .Key("reader_pending", target => ReaderRedisKeys.Pending(target.Part, target.Comment.AuthorId))
            .Key("reader_counts", target => ReaderRedisKeys.Counts(target.Part, target.Comment.AuthorId))
            .Key("reader_rejections", target => ReaderRedisKeys.Rejections(target.Part, target.Comment.AuthorId))
            .Key("reader_comments", target => ReaderRedisKeys.Comments(target.Part, target.Comment.AuthorId))
            .Key("article_comments", target => CommentRedisKeys.Comments(target.Part, target.Comment.ArticleId))
            .Key("touched", target => CommentRedisKeys.TouchedArticles(target.Part))
            .Key("top", target => CommentRedisKeys.Top(target.Part, target.Comment.ArticleId))
            .With(AuditScript.Keys(), target => AuditScript.Subject.About(target.Comment.Id, target.Importer)),
        """
        if redis.call('EXISTS', comment) == 1 then return 'exists' end
        local status, article_id, id, now, created, micro = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[7]
        local is_reply = ARGV[6] == '1'
        if is_reply and redis.call('HGET', parent, 'articleId') ~= article_id then return 'waiting-for-parent' end
        redis.call('ZADD', touched, now, article_id)
        local seq = redis.call('INCR', sequence)
        redis.call('ZADD', article_comments, seq, id)
        redis.call('ZADD', reader_comments, seq, id)
        redis.call('HINCRBY', reader_counts, 'posted', 1)
        if status == 'published' then
          redis.call('ZADD', thread, seq, id)
          if not is_reply then redis.call('ZADD', top, seq, id) end
          redis.call('HINCRBY', reader_counts, 'approved', 1)
          count_published(1, is_reply)
        elseif status == 'deleted' then
          redis.call('ZADD', thread, seq, id)
          redis.call('INCR', thread_version)
        elseif status == 'rejected' then
          queue('rejected', true, id, seq, micro)
          redis.call('ZADD', reader_rejections, created, id)
        else
          queue('pending', true, id, seq, micro)
          redis.call('SADD', reader_pending, id)
        end
        local fields = {}
        for i = 9, #ARGV do fields[#fields + 1] = ARGV[i] end
        if ARGV[8] ~= '' then append_audit(ARGV[8], true, true) end
        redis.call('HSET', comment, 'seq', tostring(seq), 'status', status, 'revision', '1', 'replyCount', '0',
          'reports', '0', 'reportsAtReview', '0', 'reported', '0', 'scoreMicro', micro, unpack(fields))
        return 'stored'
        """,
        PublishedCountScript.Lua, QueueScript.Lua, AuditScript.Lua);
}

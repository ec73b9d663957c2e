using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Grains.Moderators;
using StackExchange.Redis;

namespace Moderation.Grains.Comments;

/// <summary>
/// A comment's writes: each change is one script that updates the comment's hash, the thread or queue indexes
/// (ZADD/ZREM, O(log n)) and the counters together, so a thread costs the same to post to at any size and
/// no crash leaves a count apart from its index.
/// </summary>
public sealed class CommentStore(IConnectionMultiplexer redis, RedisWriteConnections writes, TimeProvider clock)
{
    private const string PostScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          return {'exists', tostring(redis.call('HGET', KEYS[5], 'published') or '0')}
        end
        local status, parent_id, article_id, micro, id = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[6]
        if parent_id ~= '' then
          local parent = redis.call('HMGET', KEYS[2], 'articleId', 'status')
          if parent[1] ~= article_id or parent[2] ~= 'published' then
            return {'unknown-parent', '0'}
          end
        end
        redis.call('ZADD', KEYS[31], ARGV[7], article_id)
        local seq = redis.call('INCR', KEYS[7])
        redis.call('ZADD', KEYS[30], seq, id)
        local count
        if status == 'published' then
          redis.call('ZADD', KEYS[3], seq, id)
          if parent_id ~= '' then redis.call('HINCRBY', KEYS[4], 'replyCount', 1) end
          count = redis.call('HINCRBY', KEYS[5], 'published', 1)
          redis.call('INCR', KEYS[6])
        else
          queue(0, true, id, seq, micro)
          redis.call('SADD', KEYS[24], id)
          audit(ARGV[5], true, false)
          count = redis.call('HGET', KEYS[5], 'published') or '0'
        end
        local fields = {}
        for i = 8, #ARGV do fields[#fields + 1] = ARGV[i] end
        redis.call('HSET', KEYS[1], 'seq', tostring(seq), 'status', status, 'revision', '1', 'replyCount', '0',
          'reports', '0', 'reportsAtReview', '0', 'reported', '0', unpack(fields))
        return {status, tostring(count), tostring(seq)}
        """;

    private const string ReportScript = """
        local c = redis.call('HMGET', KEYS[1], 'status', 'seq', 'scoreMicro', 'reportsAtReview', 'reported', 'reasons')
        if c[1] ~= 'published' then return 'not-found' end
        if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 'already' end
        local n = redis.call('HINCRBY', KEYS[1], 'reports', 1)
        if c[5] ~= '1' and n - tonumber(c[4] or '0') >= tonumber(ARGV[3]) then
          queue(1, true, ARGV[4], c[2], c[3])
          local reasons = c[6] or ''
          if not string.find(',' .. reasons .. ',', ',reports,', 1, true) then
            if reasons == '' then reasons = 'reports' else reasons = reasons .. ',reports' end
          end
          redis.call('HSET', KEYS[1], 'reported', '1', 'reasons', reasons)
        end
        return 'counted'
        """;

    private const string DeleteScript = """
        local id = ARGV[1]
        local c = redis.call('HMGET', KEYS[1], 'status')
        if not c[1] then return {'not-found', '0'} end
        if c[1] == 'deleted' then return {'deleted', tostring(redis.call('HGET', KEYS[4], 'published') or '0')} end
        redis.call('ZADD', KEYS[28], ARGV[4], ARGV[5])
        for state = 0, 3 do queue(state, false, id) end
        redis.call('SREM', KEYS[22], id)
        local count
        if c[1] == 'published' then
          if ARGV[3] == '1' then redis.call('HINCRBY', KEYS[3], 'replyCount', -1) end
          count = redis.call('HINCRBY', KEYS[4], 'published', -1)
          redis.call('INCR', KEYS[5])
        else
          count = redis.call('HGET', KEYS[4], 'published') or '0'
        end
        redis.call('HSET', KEYS[1], 'status', 'deleted', 'body', '', 'reported', '0')
        redis.call('HINCRBY', KEYS[1], 'revision', 1)
        if ARGV[2] ~= '' then audit(audit_json(ARGV[2], c[1], 'deleted'), true, true) end
        return {c[1], tostring(count)}
        """;

    private static readonly string PostLua = QueueScript.Prelude(8) + AuditScript.Prelude(25) + PostScript;
    private static readonly string ReportLua = QueueScript.Prelude(3) + ReportScript;
    private static readonly string DeleteLua = QueueScript.Prelude(6) + AuditScript.Prelude(23) + AuditJson.CloseLua + DeleteScript;

    private IDatabase Database => redis.GetDatabase();

    /// <summary>
    /// The one write connection of every script that touches comment, queue or audit keys. Writes wait for the
    /// store's commit, so they stay off the shared connection that reads use. Every comment script touches shared
    /// keys (the comment sequence, site-wide queues, the audit trail): on one connection they run one after another
    /// without contending for key locks, and the store commits a pipelined batch of them at once.
    /// </summary>
    internal static IDatabase Writes(RedisWriteConnections writes) => writes.For(0);

    public async Task<CommentView?> ReadAsync(string commentId) =>
        CommentRecords.Parse(await Database.HashGetAllAsync(CommentRedisKeys.Comment(commentId)));

    /// <returns>The stored comment and the article's published count, or a null comment when the parent is unknown.</returns>
    public async Task<PostResult> PostAsync(CommentDraft draft, string? auditJson)
    {
        var placement = await PlaceAsync(draft);
        if (placement is null)
        {
            return new PostResult(null, 0, Created: false);
        }

        var (threadParentId, depth) = placement.Value;
        var commentKey = CommentRedisKeys.Comment(draft.Id);
        RedisKey[] keys =
        [
            commentKey,
            draft.ParentId is null ? CommentRedisKeys.Unused(draft.Id, "parent") : CommentRedisKeys.Comment(draft.ParentId),
            threadParentId is null ? CommentRedisKeys.Thread(draft.ArticleId) : CommentRedisKeys.Replies(draft.ArticleId, threadParentId),
            threadParentId is null ? CommentRedisKeys.Unused(draft.Id, "thread-parent") : CommentRedisKeys.Comment(threadParentId),
            CommentRedisKeys.Counts(draft.ArticleId),
            CommentRedisKeys.ThreadVersion(draft.ArticleId),
            CommentRedisKeys.Sequence,
            .. QueueScript.Keys(draft.ArticleId),
            CommentRedisKeys.ReaderPending(draft.AuthorId),
            .. AuditScript.Keys(draft.Id, null, draft.Id),
            CommentRedisKeys.Comments(draft.ArticleId),
            CommentRedisKeys.TouchedArticles,
        ];
        var micro = QueueScript.Micro(draft.Score);
        RedisValue[] arguments =
        [
            draft.Status,
            draft.ParentId ?? "",
            draft.ArticleId,
            CommentRecords.Invariant(micro),
            auditJson ?? "",
            draft.Id,
            CommentRecords.Invariant(clock.GetUtcNow().ToUnixTimeMilliseconds()),
            CommentFields.Id, draft.Id,
            CommentFields.ArticleId, draft.ArticleId,
            CommentFields.ParentId, draft.ParentId ?? "",
            CommentFields.ThreadParentId, threadParentId ?? "",
            CommentFields.Depth, CommentRecords.Invariant(depth),
            CommentFields.AuthorId, draft.AuthorId,
            CommentFields.AuthorName, draft.AuthorName ?? "",
            CommentFields.Body, draft.Body,
            CommentFields.CreatedAt, CommentRecords.Invariant(draft.CreatedAt.ToUnixTimeMilliseconds()),
            CommentFields.Score, CommentRecords.Invariant(draft.Score),
            "scoreMicro", CommentRecords.Invariant(micro),
            CommentFields.ModelVersion, draft.ModelVersion,
            CommentFields.Reasons, string.Join(',', draft.Reasons),
            CommentFields.Explanation, CommentRecords.ExplanationJson(draft.Explanation),
        ];

        var result = (RedisResult[])(await Writes(writes).ScriptEvaluateAsync(PostLua, keys, arguments))!;
        var outcome = (string)result[0]!;
        if (outcome == "unknown-parent")
        {
            return new PostResult(null, 0, Created: false);
        }

        var count = long.Parse((string)result[1]!, CultureInfo.InvariantCulture);
        if (outcome == "exists")
        {
            return new PostResult(await ReadAsync(draft.Id), count, Created: false);
        }

        var sequence = long.Parse((string)result[2]!, CultureInfo.InvariantCulture);
        return new PostResult(Stored(draft, threadParentId, depth, sequence), count, Created: true);
    }

    public async Task<ReportResult> ReportAsync(CommentView comment, string reportJson, string readerId, int threshold)
    {
        RedisKey[] keys = [CommentRedisKeys.Comment(comment.Id), CommentRedisKeys.Reports(comment.Id), .. QueueScript.Keys(comment.ArticleId)];
        var result = (string)(await Writes(writes).ScriptEvaluateAsync(
            ReportLua, keys, [readerId, reportJson, CommentRecords.Invariant(threshold), comment.Id]))!;
        return result switch
        {
            "counted" => ReportResult.Counted,
            "already" => ReportResult.AlreadyReported,
            _ => ReportResult.NotFound,
        };
    }

    /// <returns>The status before the delete and the article's published count after it; null when there is no such comment.</returns>
    public async Task<(string FormerStatus, long PublishedCount)?> DeleteAsync(CommentView comment, string? auditHead, string? moderatorId)
    {
        var keys = StateChangeKeys(comment, moderatorId);
        RedisValue[] arguments =
        [
            comment.Id,
            auditHead ?? "",
            comment.ThreadParentId is null ? "0" : "1",
            CommentRecords.Invariant(clock.GetUtcNow().ToUnixTimeMilliseconds()),
            comment.ArticleId,
        ];
        var result = (RedisResult[])(await Writes(writes).ScriptEvaluateAsync(DeleteLua, keys, arguments))!;
        var former = (string)result[0]!;
        return former == "not-found" ? null : (former, long.Parse((string)result[1]!, CultureInfo.InvariantCulture));
    }

    /// <summary>The comment just stored, as <see cref="ReadAsync"/> would read it back, without the round trip.</summary>
    private static CommentView Stored(CommentDraft draft, string? threadParentId, int depth, long sequence) => new(
        draft.Id, draft.ArticleId, draft.ParentId, threadParentId, depth, draft.AuthorId, draft.AuthorName, draft.Body,
        DateTimeOffset.FromUnixTimeMilliseconds(draft.CreatedAt.ToUnixTimeMilliseconds()), sequence, draft.Status,
        Revision: 1, ReplyCount: 0, draft.Score, draft.ModelVersion, draft.Reasons, draft.Explanation, ReportCount: 0);

    /// <summary>Where a new comment is shown: under its parent, or under its depth-3 ancestor when the parent is deeper.</summary>
    private async Task<(string? ThreadParentId, int Depth)?> PlaceAsync(CommentDraft draft)
    {
        if (draft.ParentId is null)
        {
            return (null, 1);
        }

        var parent = await Database.HashGetAsync(
            CommentRedisKeys.Comment(draft.ParentId), [CommentFields.ArticleId, CommentFields.Depth, CommentFields.ThreadParentId]);
        if ((string?)parent[0] != draft.ArticleId || !int.TryParse((string?)parent[1], CultureInfo.InvariantCulture, out var parentDepth))
        {
            return null;
        }

        return parentDepth <= 3 ? (draft.ParentId, parentDepth + 1) : ((string?)parent[2], parentDepth);
    }

    /// <summary>
    /// The keys a script that moves a comment between states touches, in the order the delete and decide scripts
    /// expect them: the comment, its thread or reply set, its thread parent, the counts, the first-page version,
    /// the queues, the author's held set, the audit keys and the touched-articles index (KEYS[28]).
    /// </summary>
    internal static RedisKey[] StateChangeKeys(CommentView comment, string? moderatorId) =>
    [
        CommentRedisKeys.Comment(comment.Id),
        comment.ThreadParentId is null ? CommentRedisKeys.Thread(comment.ArticleId) : CommentRedisKeys.Replies(comment.ArticleId, comment.ThreadParentId),
        comment.ThreadParentId is null ? CommentRedisKeys.Unused(comment.Id, "thread-parent") : CommentRedisKeys.Comment(comment.ThreadParentId),
        CommentRedisKeys.Counts(comment.ArticleId),
        CommentRedisKeys.ThreadVersion(comment.ArticleId),
        .. QueueScript.Keys(comment.ArticleId),
        CommentRedisKeys.ReaderPending(comment.AuthorId),
        .. AuditScript.Keys(comment.Id, moderatorId, comment.Id),
        CommentRedisKeys.TouchedArticles,
    ];
}

using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using Moderation.Redis.Scripts;
using Moderation.Redis.Webhooks;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Stores a batch of new comments of one part with one script call. It decides every post first (reads only), then
/// writes one command per key the batch touches (a ZADD per sorted set, an INCRBY per counter, ...) rather than one
/// per post: the embedded store commits each write command of a script on its own, so 50 posts to one article cost
/// about as many commits as 1 did. The touched-articles entry is written first and the comments' hashes last (see
/// <c>CommentRecovery</c>): a crash mid-batch leaves the articles listed, and a comment hash that exists was stored
/// with all of its batch's indexes before it.
/// </summary>
internal static class PostBatchScript
{
    /// <summary>The largest batch: Redis's Lua unpacks each command's arguments onto a stack of 8,000 slots.</summary>
    public const int MaxPosts = 200;

    /// <summary>A post ready to store: where it is shown, its audit record (holds and rejections), webhook event and hash fields.</summary>
    public sealed record PreparedPost(
        CommentDraft Draft, string? ThreadParentId, int Depth, string? AuditJson, string WebhookEvent, RedisValue[] Fields)
    {
        public int Part => CommentParts.OfComment(Draft.Id);

        public PublishedCountScript.Placement Placement => new(Draft.ArticleId, Draft.Id, ThreadParentId);

        private string? QueueState => Draft.Status switch
        {
            CommentStatus.Pending => QueueNames.Pending,
            CommentStatus.Rejected => QueueNames.Rejected,
            _ => null,
        };

        private bool Published => Draft.Status == CommentStatus.Published;

        /// <summary>The post's keys by name; null where one does not apply (no parent, no queue for a published post, ...).</summary>
        public string?[] Keys() =>
        [
            CommentRedisKeys.Comment(Draft.Id),
            Draft.ParentId is null ? null : CommentRedisKeys.Comment(Draft.ParentId),
            PublishedCountScript.Thread(Placement),
            ThreadParentId is null || !Published ? null : CommentRedisKeys.Comment(ThreadParentId),
            CommentRedisKeys.Counts(Part, Draft.ArticleId),
            CommentRedisKeys.ThreadVersion(Part, Draft.ArticleId),
            CommentRedisKeys.Sequence(Part),
            QueueKey(QueueNames.ByAge, Draft.ArticleId),
            QueueKey(QueueNames.ByScore, Draft.ArticleId),
            QueueKey(QueueNames.ByAge, null),
            QueueKey(QueueNames.ByScore, null),
            Draft.Status == CommentStatus.Pending ? ReaderRedisKeys.Pending(Part, Draft.AuthorId) : null,
            ReaderRedisKeys.Counts(Part, Draft.AuthorId),
            Draft.Status == CommentStatus.Rejected ? ReaderRedisKeys.Rejections(Part, Draft.AuthorId) : null,
            QueueState is null ? null : ModerationRedisKeys.AuditSequence(Part),
            QueueState is null ? null : ModerationRedisKeys.AuditRecords(Part),
            QueueState is null ? null : ModerationRedisKeys.AuditAll(Part),
            QueueState is null ? null : ModerationRedisKeys.AuditByComment(Draft.Id),
            CommentRedisKeys.Comments(Part, Draft.ArticleId),
            CommentRedisKeys.TouchedArticles(Part),
            Draft.ParentId is null && Published ? CommentRedisKeys.Top(Part, Draft.ArticleId) : null,
            ReaderRedisKeys.Comments(Part, Draft.AuthorId),
            WebhookEvent.Length == 0 ? null : WebhookRedisKeys.Outbox(Part),
        ];

        private string? QueueKey(string order, string? articleId) =>
            QueueState is { } state ? ModerationRedisKeys.Queue(Part, state, order, articleId) : null;
    }

    /// <summary>The Lua names of <see cref="PreparedPost.Keys"/>, in the same order.</summary>
    private static readonly string[] KeyNames =
    [
        "comment", "parent", "thread", "thread_parent", "counts", "thread_version", "sequence",
        "queue_article_age", "queue_article_score", "queue_site_age", "queue_site_score",
        "reader_pending", "reader_counts", "reader_rejections",
        "audit_sequence", "audit_records", "audit_all", "audit_by_comment",
        "article_comments", "touched", "top", "reader_comments", "outbox",
    ];

    /// <summary>
    /// One script call's keys and arguments. KEYS: each distinct key of the batch once. ARGV: now (Unix ms), the number
    /// of posts, the number of keys per post; then per post the index in KEYS of each of its named keys (0: none),
    /// status, parent id, article id, score in millionths, audit JSON, comment id, webhook event JSON, the number of
    /// hash field arguments and those name/value pairs.
    /// </summary>
    public sealed class Batch
    {
        public Batch(int part, IReadOnlyList<PreparedPost> posts, DateTimeOffset now)
        {
            Part = part;
            var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
            var keys = new List<RedisKey>();
            var arguments = new List<RedisValue>
            {
                CommentRecords.Invariant(now.ToUnixTimeMilliseconds()), posts.Count, KeyNames.Length,
            };
            foreach (var post in posts)
            {
                if (post.Part != part)
                {
                    throw new ArgumentException($"Comment {post.Draft.Id} is not in part {part}.", nameof(posts));
                }

                foreach (var key in post.Keys())
                {
                    if (key is null)
                    {
                        arguments.Add(0);
                        continue;
                    }

                    if (!indexes.TryGetValue(key, out var index))
                    {
                        keys.Add(key);
                        index = keys.Count;
                        indexes.Add(key, index);
                    }

                    arguments.Add(index);
                }

                var draft = post.Draft;
                arguments.AddRange(
                [
                    draft.Status, draft.ParentId ?? "", draft.ArticleId, CommentRecords.Invariant(QueueScript.Micro(draft.Score)),
                    post.AuditJson ?? "", draft.Id, post.WebhookEvent, post.Fields.Length,
                ]);
                arguments.AddRange(post.Fields);
            }

            Keys = [.. keys];
            Arguments = [.. arguments];
        }

        public int Part { get; }

        public RedisKey[] Keys { get; }

        public RedisValue[] Arguments { get; }
    }

    /// <summary>What the script did with one post: stored it (its status), found it stored (exists) or refused it (unknown-parent).</summary>
    public sealed record Outcome(string Status, long PublishedCount, long Sequence)
    {
        public const string Exists = "exists";
        public const string UnknownParent = "unknown-parent";
    }

    public static Task<RedisResult> EvaluateAsync(IDatabaseAsync database, Batch batch) =>
        Script.EvaluateAsync(database, batch, batch.Arguments);

    /// <returns>One outcome per post of the batch, in its order.</returns>
    public static Outcome[] Parse(RedisResult result)
    {
        var values = (RedisResult[])result!;
        var outcomes = new Outcome[values.Length / 3];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = new Outcome(
                (string)values[3 * i]!,
                long.Parse((string)values[3 * i + 1]!, CultureInfo.InvariantCulture),
                long.Parse((string)values[3 * i + 2]!, CultureInfo.InvariantCulture));
        }

        return outcomes;
    }

    private static readonly RedisScript<Batch> Script = new(
        "post comments",
        new ScriptKeys<Batch>().Rest("batch_keys", batch => batch.Keys),
        "local key_names = {'" + string.Join("', '", KeyNames) + "'}\n" +
        """
        local now, n, width = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
        local touched_order, touched_entries = {}, {}
        local zset_order, zsets = {}, {}
        local set_order, sets = {}, {}
        local hincr_order, hincrs = {}, {}
        local hset_order, hsets = {}, {}
        local counter_order, counters = {}, {}
        local bump_order, bumps = {}, {}
        local published = {}
        local comments = {}
        local seen = {}
        local results = {}

        local function buffer(order, buffers, key)
          local b = buffers[key]
          if not b then b = {}; buffers[key] = b; order[#order + 1] = key end
          return b
        end
        local function append(order, buffers, key, a, b)
          local list = buffer(order, buffers, key)
          list[#list + 1] = a
          if b ~= nil then list[#list + 1] = b end
        end
        local function hincr(key, field, delta)
          local h = buffer(hincr_order, hincrs, key)
          if not h[field] then h[field] = 0; h[#h + 1] = field end
          h[field] = h[field] + delta
        end
        -- A counter read once, then moved by the whole batch with one INCRBY.
        local function next_in(key)
          local c = counters[key]
          if not c then
            c = {base = tonumber(redis.call('GET', key) or '0'), delta = 0}
            counters[key] = c
            counter_order[#counter_order + 1] = key
          end
          c.delta = c.delta + 1
          return c.base + c.delta
        end
        local function published_count(key)
          if published[key] == nil then published[key] = tonumber(redis.call('HGET', key, 'published') or '0') end
          return published[key]
        end
        local function score_key(micro, seq)
          return string.format('%.0f', tonumber(micro) * 8589934592 + tonumber(seq))
        end

        local at = 4
        for _ = 1, n do
          local k = {}
          for j = 1, width do
            local index = tonumber(ARGV[at + j - 1])
            if index > 0 then k[key_names[j]] = batch_keys[index] end
          end
          at = at + width
          local status, parent_id, article_id, micro, audit, id, event =
            ARGV[at], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3], ARGV[at + 4], ARGV[at + 5], ARGV[at + 6]
          local fields_from, field_count = at + 8, tonumber(ARGV[at + 7])
          at = fields_from + field_count
          local refused = false
          if parent_id ~= '' then
            local p = redis.call('HMGET', k.parent, 'articleId', 'status')
            refused = p[1] ~= article_id or p[2] ~= 'published'
          end
          if seen[id] or redis.call('EXISTS', k.comment) == 1 then
            results[#results + 1] = 'exists'
            results[#results + 1] = tostring(published_count(k.counts))
            results[#results + 1] = '0'
          elseif refused then
            results[#results + 1] = 'unknown-parent'
            results[#results + 1] = '0'
            results[#results + 1] = '0'
          else
            seen[id] = true
            append(touched_order, touched_entries, k.touched, now, article_id)
            local seq = next_in(k.sequence)
            append(zset_order, zsets, k.article_comments, seq, id)
            append(zset_order, zsets, k.reader_comments, seq, id)
            if status ~= 'rejected' then hincr(k.reader_counts, 'posted', 1) end
            local count
            if status == 'published' then
              append(zset_order, zsets, k.thread, seq, id)
              if k.top then append(zset_order, zsets, k.top, seq, id) end
              hincr(k.reader_counts, 'approved', 1)
              if k.thread_parent then hincr(k.thread_parent, 'replyCount', 1) end
              count = published_count(k.counts) + 1
              published[k.counts] = count
              hincr(k.counts, 'published', 1)
              local b = buffer(bump_order, bumps, k.thread_version)
              b[1] = (b[1] or 0) + 1
            else
              local by_score = score_key(micro, seq)
              append(zset_order, zsets, k.queue_article_age, seq, id)
              append(zset_order, zsets, k.queue_article_score, by_score, id)
              append(zset_order, zsets, k.queue_site_age, seq, id)
              append(zset_order, zsets, k.queue_site_score, by_score, id)
              if status == 'rejected' then
                append(zset_order, zsets, k.reader_rejections, now, id)
              else
                append(set_order, sets, k.reader_pending, id)
              end
              local record = next_in(k.audit_sequence)
              append(hset_order, hsets, k.audit_records, record, audit)
              append(zset_order, zsets, k.audit_all, record, record)
              append(zset_order, zsets, k.audit_by_comment, record, record)
              count = published_count(k.counts)
            end
            if k.outbox then append(zset_order, zsets, k.outbox, now, event) end
            local hash = {'seq', tostring(seq), 'status', status, 'revision', '1', 'replyCount', '0',
              'reports', '0', 'reportsAtReview', '0', 'reported', '0'}
            for f = fields_from, fields_from + field_count - 1 do hash[#hash + 1] = ARGV[f] end
            comments[#comments + 1] = {k.comment, hash}
            results[#results + 1] = status
            results[#results + 1] = tostring(count)
            results[#results + 1] = tostring(seq)
          end
        end

        for _, key in ipairs(touched_order) do redis.call('ZADD', key, unpack(touched_entries[key])) end
        for _, key in ipairs(counter_order) do redis.call('INCRBY', key, counters[key].delta) end
        for _, key in ipairs(bump_order) do redis.call('INCRBY', key, bumps[key][1]) end
        for _, key in ipairs(zset_order) do redis.call('ZADD', key, unpack(zsets[key])) end
        for _, key in ipairs(set_order) do redis.call('SADD', key, unpack(sets[key])) end
        for _, key in ipairs(hset_order) do redis.call('HSET', key, unpack(hsets[key])) end
        for _, key in ipairs(hincr_order) do
          local h = hincrs[key]
          if #h == 1 then
            redis.call('HINCRBY', key, h[1], h[h[1]])
          else
            local current = redis.call('HMGET', key, unpack(h))
            local pairs_to_set = {}
            for i, field in ipairs(h) do
              pairs_to_set[#pairs_to_set + 1] = field
              pairs_to_set[#pairs_to_set + 1] = tostring(tonumber(current[i] or '0') + h[field])
            end
            redis.call('HSET', key, unpack(pairs_to_set))
          end
        end
        for _, comment in ipairs(comments) do redis.call('HSET', comment[1], unpack(comment[2])) end
        return results
        """);
}

using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Moderators;
using Moderation.Redis.Webhooks;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// A comment's writes: each change is one script that updates the comment's hash, the thread or queue indexes
/// (ZADD/ZREM, O(log n)) and the counters together, so a thread costs the same to post to at any size and
/// no crash leaves a count apart from its index. New comments go in batches per part (<see cref="PostLanes"/>).
/// </summary>
public sealed class CommentStore(
    IConnectionMultiplexer redis, RedisWriteConnections writes, CommentParts parts, WebhookSubscriptions webhooks, TimeProvider clock)
{
    private readonly PostLanes _lanes = new(writes, clock);

    private IDatabase Database => redis.GetDatabase();

    /// <summary>
    /// The write connection of every script of one part. Writes wait for the store's commit, so they stay off the
    /// shared connection that reads use. A part's scripts share keys (its comment sequence, its share of the queues
    /// and of the audit trail): on one connection they run one after another without contending for key locks, and
    /// the store commits a pipelined batch of them at once.
    /// </summary>
    internal static IDatabase Writes(RedisWriteConnections writes, int part) => writes.For(part);

    public async Task<CommentView?> ReadAsync(string commentId) =>
        CommentRecords.Parse(await Database.HashGetAllAsync(CommentRedisKeys.Comment(commentId)));

    /// <returns>The first of <paramref name="commentIds"/> that is stored, looked up in one round trip; null when none is.</returns>
    public async Task<string?> FirstStoredAsync(IReadOnlyList<string> commentIds)
    {
        var batch = Database.CreateBatch();
        var lookups = commentIds.Select(id => batch.KeyExistsAsync(CommentRedisKeys.Comment(id))).ToArray();
        batch.Execute();
        var found = await Task.WhenAll(lookups);
        var index = Array.IndexOf(found, true);
        return index < 0 ? null : commentIds[index];
    }

    /// <returns>The stored comment and the article's published count, or a null comment when the parent is unknown.</returns>
    public async Task<PostResult> PostAsync(CommentDraft draft, string? auditJson)
    {
        var part = CommentParts.OfComment(draft.Id);
        if (part != parts.OfArticle(draft.ArticleId))
        {
            throw new ArgumentException($"Comment {draft.Id} names part {part}, but article {draft.ArticleId} is in part {parts.OfArticle(draft.ArticleId)}.", nameof(draft));
        }

        var placement = await PlaceAsync(draft);
        if (placement is null)
        {
            return new PostResult(null, 0, Created: false);
        }

        var (threadParentId, depth) = placement.Value;
        var now = clock.GetUtcNow();
        var eventType = WebhookEvents.OfPostedStatus(draft.Status);
        // A comment the gate rejects at once carries the rule that rejected it first among its reasons.
        var rejectionReason = draft.Status == CommentStatus.Rejected && draft.Reasons.Length > 0 ? draft.Reasons[0] : null;
        var webhookEvent = await webhooks.WantsAsync(eventType)
            ? WebhookEvents.Comment(eventType, Stored(draft, threadParentId, depth, 0), draft.Status, null, rejectionReason, now)
            : "";
        RedisValue[] fields =
        [
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
            "scoreMicro", CommentRecords.Invariant(QueueScript.Micro(draft.Score)),
            CommentFields.ModelVersion, draft.ModelVersion,
            CommentFields.Reasons, string.Join(',', draft.Reasons),
            CommentFields.Explanation, CommentRecords.ExplanationJson(draft.Explanation),
            CommentFields.RejectionReason, rejectionReason ?? "",
        ];

        var outcome = await _lanes.PostAsync(new PostBatchScript.PreparedPost(draft, threadParentId, depth, auditJson, webhookEvent, fields));
        return outcome.Status switch
        {
            PostBatchScript.Outcome.UnknownParent => new PostResult(null, 0, Created: false),
            PostBatchScript.Outcome.Exists => new PostResult(await ReadAsync(draft.Id), outcome.PublishedCount, Created: false),
            _ => new PostResult(Stored(draft, threadParentId, depth, outcome.Sequence), outcome.PublishedCount, Created: true),
        };
    }

    public async Task<ReportResult> ReportAsync(CommentView comment, string reportJson, string readerId, int threshold)
    {
        var now = clock.GetUtcNow();
        var webhookEvent = await webhooks.WantsAsync(WebhookEvents.CommentReported)
            ? WebhookEvents.Comment(WebhookEvents.CommentReported, comment, comment.Status, null, null, now)
            : "";
        var result = (string)(await CommentScripts.Report.EvaluateAsync(
            Writes(writes, CommentParts.OfComment(comment.Id)), comment,
            [readerId, reportJson, CommentRecords.Invariant(threshold), comment.Id, CommentRecords.Invariant(now.ToUnixTimeMilliseconds()), webhookEvent]))!;
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
        RedisValue[] arguments =
        [
            comment.Id,
            auditHead ?? "",
            comment.ThreadParentId is null ? "0" : "1",
            CommentRecords.Invariant(clock.GetUtcNow().ToUnixTimeMilliseconds()),
            comment.ArticleId,
        ];
        var result = (RedisResult[])(await CommentScripts.Delete.EvaluateAsync(
            Writes(writes, CommentParts.OfComment(comment.Id)), new CommentScripts.StateChange(comment, moderatorId), arguments))!;
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

        // A parent in another part is on another article, and the script could not touch it: one slot per script.
        if (CommentParts.OfComment(draft.ParentId) != CommentParts.OfComment(draft.Id))
        {
            return null;
        }

        var parent = await Database.HashGetAsync(
            CommentRedisKeys.Comment(draft.ParentId), [CommentFields.ArticleId, CommentFields.Depth, CommentFields.ThreadParentId]);
        if ((string?)parent[0] != draft.ArticleId || !int.TryParse((string?)parent[1], CultureInfo.InvariantCulture, out var parentDepth))
        {
            return null;
        }

        return parentDepth <= 3 ? (draft.ParentId, parentDepth + 1) : ((string?)parent[2], parentDepth);
    }
}

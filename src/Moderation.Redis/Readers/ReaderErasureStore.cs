using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Readers;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.ModerationFeed;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>
/// The store's side of a reader's erasure (<see cref="ErasureScripts"/>), one step at a time, each safe to run again:
/// a part's comments then the reader's indexes in it, a reaction, a report, and what is left outside the parts.
/// </summary>
public sealed class ReaderErasureStore(IConnectionMultiplexer redis, RedisWriteConnections writes, ReaderNotices notices, TimeProvider clock)
{
    private IDatabase Database => redis.GetDatabase();

    /// <summary>
    /// Erases the reader's comments of one part (their text gone, their author the pseudonym, their audit records
    /// naming the pseudonym, their labelled examples dropped), then the reader's indexes in the part. Returns how many
    /// comments it erased now.
    /// </summary>
    public async Task<int> ErasePartAsync(int part, ErasureJob job)
    {
        var readerId = job.ReaderId ?? throw new ArgumentException("A finished job names no reader.", nameof(job));
        var erased = 0;
        foreach (var id in await Database.SortedSetRangeByRankAsync(ReaderRedisKeys.Comments(part, readerId)))
        {
            var commentId = (string)id!;
            if (await EraseCommentAsync(commentId, job, readerId))
            {
                erased++;
            }

            // Also after a crash between the script and these: the comment's records and examples, whatever the script found.
            await PseudonymiseCommentAuditAsync(commentId, readerId, job.Pseudonym);
        }

        await ErasureScripts.ForgetReaderPart.EvaluateAsync(CommentStore.Writes(writes, part), (part, readerId));
        return erased;
    }

    /// <summary>Withdraws the reader's reaction to a comment; true when there was one.</summary>
    public async Task<bool> WithdrawReactionAsync(string commentId, string readerId)
    {
        // A comment whose hash is gone has no article: the script then touches only the reactors set.
        var articleId = (string?)await Database.HashGetAsync(CommentRedisKeys.Comment(commentId), CommentFields.ArticleId) ?? "";
        return (int)await ErasureScripts.WithdrawReaction.EvaluateAsync(
            CommentStore.Writes(writes, CommentParts.OfComment(commentId)), (commentId, articleId), [readerId, commentId]) == 1;
    }

    /// <summary>Withdraws the reader's report of a comment; true when there was one.</summary>
    public async Task<bool> WithdrawReportAsync(string commentId, string readerId)
    {
        // A comment whose hash is gone has no article: the script then touches only the reports hash.
        var articleId = (string?)await Database.HashGetAsync(CommentRedisKeys.Comment(commentId), CommentFields.ArticleId) ?? "";
        return (int)await ErasureScripts.WithdrawReport.EvaluateAsync(
            CommentStore.Writes(writes, CommentParts.OfComment(commentId)), (commentId, articleId), [readerId]) == 1;
    }

    /// <summary>
    /// What is left outside the parts: the post gate, the reader's notices, the reader's rate-limit counters, the moderation feed's kept events
    /// about them, and the audit records about the reader alone (bans and unbans, in part 0), which name the pseudonym instead.
    /// </summary>
    public async Task ForgetRestAsync(string readerId, string pseudonym, IEnumerable<string> rateLimitKeys)
    {
        var database = Database;
        await database.KeyDeleteAsync([ReaderRedisKeys.PostGate(readerId), ReaderRedisKeys.Notices(readerId), ReaderRedisKeys.NoticeSequence(readerId)]);
        foreach (var key in rateLimitKeys)
        {
            await database.KeyDeleteAsync(key);
        }

        var about = (await database.SortedSetRangeByRankAsync(FeedRedisKeys.Recent))
            .Where(member => FeedEventNames(FeedRecords.Parse(member).Json, readerId))
            .ToArray();
        if (about.Length > 0)
        {
            await writes.For(0).SortedSetRemoveAsync(FeedRedisKeys.Recent, about);
        }

        var records = new List<HashEntry>();
        await foreach (var entry in database.HashScanAsync(ModerationRedisKeys.AuditRecords(0), pageSize: 1000))
        {
            if (Pseudonymised((string)entry.Value!, readerId, pseudonym) is { } json)
            {
                records.Add(new HashEntry(entry.Name, json));
            }
        }

        if (records.Count > 0)
        {
            await writes.For(0).HashSetAsync(ModerationRedisKeys.AuditRecords(0), [.. records]);
        }
    }

    /// <returns>True when this call erased the comment; false when it was erased before or is gone.</returns>
    private async Task<bool> EraseCommentAsync(string commentId, ErasureJob job, string readerId)
    {
        var comment = CommentRecords.Parse(await Database.HashGetAllAsync(CommentRedisKeys.Comment(commentId)));
        if (comment is null || comment.AuthorId != readerId)
        {
            return false;
        }

        var head = AuditJson.Head(new AuditEntry(clock.GetUtcNow(), job.RequestedBy, commentId, job.Pseudonym, "erase", null, null, null, null, null));
        RedisValue[] arguments =
        [
            commentId,
            comment.ThreadParentId is null ? "0" : "1",
            CommentRecords.Invariant(clock.GetUtcNow().ToUnixTimeMilliseconds()),
            comment.ArticleId,
            job.Pseudonym,
            readerId,
            head,
            job.RequestedBy is null ? "0" : "1",
        ];
        var part = CommentParts.OfComment(commentId);
        var former = (string)(await ErasureScripts.EraseComment.EvaluateAsync(
            CommentStore.Writes(writes, part), new CommentScripts.StateChange(comment, job.RequestedBy), arguments))!;
        // The cached first pages may hold the text: they are rebuilt from the indexes at the next read.
        await Database.KeyDeleteAsync([.. ThreadStore.Sorts.Select(sort => (RedisKey)CommentRedisKeys.FirstPage(part, comment.ArticleId, sort))]);
        if (comment.ParentId is { } parentId
            && CommentRecords.Parse(await Database.HashGetAllAsync(CommentRedisKeys.Comment(parentId))) is { } parent
            && parent.AuthorId != readerId)
        {
            // The parent's author was told of this reply, by the replier's name.
            await notices.ForgetAboutAsync(parent.AuthorId, commentId);
        }
        return former is not ("erased" or "not-found");
    }

    /// <summary>The comment's audit records name the pseudonym instead of the reader; its labelled examples (same numbers) are dropped.</summary>
    private async Task PseudonymiseCommentAuditAsync(string commentId, string readerId, string pseudonym)
    {
        var part = CommentParts.OfComment(commentId);
        var numbers = (await Database.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(commentId))).ToArray();
        if (numbers.Length == 0)
        {
            return;
        }

        var records = await Database.HashGetAsync(ModerationRedisKeys.AuditRecords(part), numbers);
        var rewritten = numbers.Zip(records)
            .Where(pair => !pair.Second.IsNullOrEmpty)
            .Select(pair => (pair.First, Json: Pseudonymised((string)pair.Second!, readerId, pseudonym)))
            .Where(pair => pair.Json is not null)
            .Select(pair => new HashEntry(pair.First, pair.Json))
            .ToArray();
        var database = CommentStore.Writes(writes, part);
        if (rewritten.Length > 0)
        {
            await database.HashSetAsync(ModerationRedisKeys.AuditRecords(part), rewritten);
        }

        // The record first, then its number: a reader of the examples skips a number whose record is gone.
        await database.HashDeleteAsync(ModerationRedisKeys.FeedbackRecords(part), numbers);
        await database.SortedSetRemoveAsync(ModerationRedisKeys.Feedback(part), numbers);
    }

    /// <returns>The record naming the pseudonym, or null when it does not name the reader.</returns>
    private static string? Pseudonymised(string json, string readerId, string pseudonym)
    {
        var entry = AuditJson.Parse(json);
        return entry.ReaderId == readerId ? AuditJson.Serialize(entry with { ReaderId = pseudonym }) : null;
    }

    /// <summary>Whether a feed event names the reader (a held comment's author, a banned reader).</summary>
    private static bool FeedEventNames(string json, string readerId)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("readerId", out var reader) && reader.ValueKind == JsonValueKind.String
            && reader.GetString() == readerId;
    }
}

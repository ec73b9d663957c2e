using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Tests.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Parts;

/// <summary>Site-wide pages merged from every part, walked with their cursors; run on each store by the classes below.</summary>
public abstract class MergedPagesTests(ScriptServer server)
{
    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly QueueStore _queues = new(server.Connection, server.Parts);

    private IDatabase Redis => server.Database;

    [Fact]
    public async Task A_site_wide_queue_walk_returns_every_item_once_in_age_order_while_posts_arrive_in_other_parts()
    {
        var mine = new List<CommentView>();
        foreach (var part in new[] { 0, 3, 7, 12, 3, 0, 12, 7 })
        {
            mine.Add(await HoldAsync(part));
        }

        var seen = new List<CommentView>();
        string? cursor = null;
        var arrivals = 0;
        do
        {
            var page = await _queues.PageAsync(QueueNames.Pending, null, "oldest", 2, cursor);
            seen.AddRange(page.Items.Select(item => item.Comment));
            cursor = page.NextCursor;
            if (cursor is not null && arrivals < 3)
            {
                mine.Add(await HoldAsync(arrivals++ % 2 == 0 ? 5 : 9));
            }
        }
        while (cursor is not null);

        var ids = seen.Select(comment => comment.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(3, arrivals);
        // Age order across parts: creation time (in milliseconds, as stored), then part, then sequence.
        var inOrder = mine.OrderBy(comment => comment.CreatedAt).ThenBy(comment => CommentParts.OfComment(comment.Id)).ThenBy(comment => comment.Sequence);
        Assert.Equal(inOrder.Select(comment => comment.Id), seen.Select(comment => comment.Id).Where(id => mine.Any(posted => posted.Id == id)));
    }

    [Fact]
    public async Task A_site_wide_queue_in_score_order_merges_the_parts_by_score_and_counts_every_part()
    {
        var scores = new[] { 0.9911, 0.9944, 0.9922, 0.9955, 0.9933 };
        var mine = new List<CommentView>();
        for (var i = 0; i < scores.Length; i++)
        {
            mine.Add(await ReportAsync(i * 3, scores[i]));
        }

        var first = await _queues.PageAsync(QueueNames.Reported, null, "score", 2, null);
        var rest = await _queues.PageAsync(QueueNames.Reported, null, "score", 100, first.NextCursor);

        var walk = first.Items.Concat(rest.Items).Select(item => item.Comment).Where(comment => mine.Any(posted => posted.Id == comment.Id));
        Assert.Equal(mine.OrderByDescending(comment => comment.Score).Select(comment => comment.Id), walk.Select(comment => comment.Id));
        Assert.NotNull(first.NextCursor);
        Assert.Equal(CommentParts.Count, first.NextCursor.Split('.').Length);
        Assert.Equal(await _queues.SiteSizeAsync(QueueNames.Reported), first.Reported);
        Assert.True(first.Reported >= scores.Length);
    }

    [Fact]
    public async Task A_moderator_s_audit_trail_merges_every_part_newest_first_and_the_whole_trail_does_too()
    {
        var moderator = "mod-" + Guid.NewGuid().ToString("N")[..8];
        var audit = new AuditStore(server.Connection, server.Writes);
        var at = DateTimeOffset.UtcNow.AddHours(1);
        var entries = new List<AuditEntry>();
        foreach (var (part, i) in new[] { 4, 0, 13, 9, 0, 4 }.Select((part, i) => (part, i)))
        {
            var commentId = i == 4 ? null : CommentParts.CommentId("c" + Guid.NewGuid().ToString("N")[..16], part);
            var entry = new AuditEntry(at.AddSeconds(i), moderator, commentId, "ivan", commentId is null ? "ban" : "reject", "spam", null, null, null, null);
            entries.Add(entry);
            await audit.AppendAsync(entry);
        }

        var byModerator = await WalkAsync(audit, moderator);
        var whole = (await WalkAsync(audit, null)).Where(entry => entry.ModeratorId == moderator);

        var newestFirst = entries.OrderByDescending(entry => entry.At).Select(entry => (entry.At.ToUnixTimeMilliseconds(), entry.CommentId)).ToArray();
        Assert.Equal(newestFirst, byModerator.Select(entry => (entry.At.ToUnixTimeMilliseconds(), entry.CommentId)));
        Assert.Equal(newestFirst, whole.Select(entry => (entry.At.ToUnixTimeMilliseconds(), entry.CommentId)));
    }

    [Fact]
    public async Task Labelled_examples_are_read_once_each_in_decision_order_and_one_committed_late_in_a_part_is_still_read()
    {
        var records = new FeedbackRecords(server.Connection);
        var decidedAt = DateTimeOffset.UtcNow.AddDays(1);
        var texts = new List<string>();
        foreach (var (part, i) in new[] { 2, 11, 0, 6, 11, 2 }.Select((part, i) => (part, i)))
        {
            texts.Add(await StoreExampleAsync(part, decidedAt.AddSeconds(i)));
        }

        var (firstWalk, position) = await ReadAllAsync(records, 0);
        var late = await StoreExampleAsync(6, decidedAt.AddSeconds(-5));
        var (secondWalk, _) = await ReadAllAsync(records, position);

        Assert.Equal(texts, firstWalk.Select(example => example.Text).Where(texts.Contains));
        Assert.Equal([late], secondWalk.Select(example => example.Text));
        Assert.True(await records.CountAsync() >= texts.Count + 1);
    }

    [Fact]
    public async Task A_position_kept_from_before_the_parts_reads_part_0_on_from_that_audit_number()
    {
        var records = new FeedbackRecords(server.Connection);
        var number = await Redis.StringIncrementAsync(ModerationRedisKeys.AuditSequence(0), 1_000_000);
        var before = await StoreExampleAsync(0, DateTimeOffset.UtcNow, number - 1);
        var after = await StoreExampleAsync(0, DateTimeOffset.UtcNow, number);
        Assert.False(await Redis.HashExistsAsync(ModerationRedisKeys.FeedbackCursors, number - 1));

        var (examples, _) = await ReadAllAsync(records, number - 1);

        Assert.Contains(after, examples.Select(example => example.Text));
        Assert.DoesNotContain(before, examples.Select(example => example.Text));
    }

    private async Task<CommentView> HoldAsync(int part) =>
        (await _comments.PostAsync(TestData.Draft(CommentPartsTests.ArticleIn(part), held: true, score: 0.8), null)).Comment!;

    /// <summary>A published comment of a part, reported into the reported queue.</summary>
    private async Task<CommentView> ReportAsync(int part, double score)
    {
        var comment = (await _comments.PostAsync(TestData.Draft(CommentPartsTests.ArticleIn(part), score: score), null)).Comment!;
        Assert.Equal(ReportResult.Counted, await _comments.ReportAsync(comment, """{"readerId":"r1"}""", "r1", threshold: 1));
        return comment;
    }

    /// <returns>The example's text.</returns>
    private async Task<string> StoreExampleAsync(int part, DateTimeOffset decidedAt, long? number = null)
    {
        var text = "example " + Guid.NewGuid().ToString("N");
        number ??= await Redis.StringIncrementAsync(ModerationRedisKeys.AuditSequence(part));
        var json = JsonSerializer.Serialize(new FeedbackExample("c1", text, 1, 0.5, "m", "mia", decidedAt), PublicComment.JsonOptions);
        await Redis.HashSetAsync(ModerationRedisKeys.FeedbackRecords(part), number, json);
        await Redis.SortedSetAddAsync(ModerationRedisKeys.Feedback(part), number, number.Value);
        return text;
    }

    private static async Task<List<AuditEntry>> WalkAsync(AuditStore audit, string? moderator)
    {
        var walked = new List<AuditEntry>();
        string? cursor = null;
        do
        {
            var page = await audit.PageAsync(null, moderator, 2, cursor);
            walked.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return walked;
    }

    private static async Task<(List<FeedbackExample> Examples, long Position)> ReadAllAsync(FeedbackRecords records, long position)
    {
        var examples = new List<FeedbackExample>();
        while (true)
        {
            var (batch, next) = await records.ReadAsync(position, 3);
            if (next == position)
            {
                return (examples, position);
            }

            examples.AddRange(batch);
            position = next;
        }
    }
}

[Collection(RedisCollection.Name)]
public sealed class MergedPagesOnRedisServerTests(ScriptServer server) : MergedPagesTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class MergedPagesOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : MergedPagesTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class MergedPagesOnRedisClusterTests(ScriptServerOnRedisCluster server) : MergedPagesTests(server);

using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Grains.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The post, report and delete scripts on a real server, through the store that sends them; run on each store by the classes below.</summary>
public abstract class CommentScriptTests(ScriptServer server)
{
    private readonly CommentStore _store = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);

    private IDatabase Redis => server.Database;

    [Fact]
    public async Task A_published_post_enters_the_thread_the_index_and_the_counts_and_lists_its_article_as_touched()
    {
        var article = TestData.NewArticle();

        var result = await _store.PostAsync(TestData.Draft(article), auditJson: null);

        var comment = result.Comment!;
        Assert.True(result.Created);
        Assert.Equal(1, result.PublishedCount);
        Assert.Equal(comment.Sequence, await Redis.SortedSetScoreAsync(CommentRedisKeys.Thread(TestData.Part(article), article), comment.Id));
        Assert.Equal(comment.Sequence, await Redis.SortedSetScoreAsync(CommentRedisKeys.Comments(TestData.Part(article), article), comment.Id));
        Assert.Equal("1", (string?)await Redis.StringGetAsync(CommentRedisKeys.ThreadVersion(TestData.Part(article), article)));
        Assert.NotNull(await Redis.SortedSetScoreAsync(CommentRedisKeys.TouchedArticles(TestData.Part(article)), article));
        Assert.Equivalent(comment, await _store.ReadAsync(comment.Id), strict: true);
    }

    [Fact]
    public async Task A_reply_counts_under_its_parent_and_a_reply_to_an_unknown_parent_stores_nothing()
    {
        var article = TestData.NewArticle();
        var parent = (await _store.PostAsync(TestData.Draft(article), null)).Comment!;

        var reply = (await _store.PostAsync(TestData.Draft(article, "bob", parentId: parent.Id), null)).Comment!;
        var orphan = TestData.Draft(article, "cy", parentId: "c-nobody");
        var refused = await _store.PostAsync(orphan, null);

        Assert.Equal(parent.Id, reply.ThreadParentId);
        Assert.Equal(1, (await _store.ReadAsync(parent.Id))!.ReplyCount);
        Assert.NotNull(await Redis.SortedSetScoreAsync(CommentRedisKeys.Replies(TestData.Part(article), article, parent.Id), reply.Id));
        Assert.Null(refused.Comment);
        Assert.False(await Redis.KeyExistsAsync(CommentRedisKeys.Comment(orphan.Id)));
        Assert.Equal("2", (string?)await Redis.HashGetAsync(CommentRedisKeys.Counts(TestData.Part(article), article), "published"));
    }

    [Fact]
    public async Task A_held_post_waits_in_every_pending_queue_with_an_audit_record_and_does_not_count()
    {
        var article = TestData.NewArticle();
        var draft = TestData.Draft(article, "dan", held: true, score: 0.9);

        var result = await _store.PostAsync(draft, """{"action":"hold"}""");

        Assert.Equal(0, result.PublishedCount);
        foreach (var order in new[] { QueueNames.ByAge, QueueNames.ByScore })
        {
            Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Pending, order, article), draft.Id));
            Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Pending, order), draft.Id));
        }

        Assert.True(await Redis.SetContainsAsync(ReaderRedisKeys.Pending(TestData.Part(article), "dan"), draft.Id));
        var number = (await Redis.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(draft.Id))).Single();
        Assert.Equal("""{"action":"hold"}""", (string?)await Redis.HashGetAsync(ModerationRedisKeys.AuditRecords(TestData.Part(article)), number));
        Assert.Null(await Redis.SortedSetScoreAsync(CommentRedisKeys.Thread(TestData.Part(article), article), draft.Id));
    }

    [Fact]
    public async Task Posting_the_same_comment_again_answers_the_stored_one_and_changes_nothing()
    {
        var article = TestData.NewArticle();
        var draft = TestData.Draft(article);
        var first = await _store.PostAsync(draft, null);

        var again = await _store.PostAsync(draft, null);

        Assert.False(again.Created);
        Assert.Equivalent(first.Comment, again.Comment, strict: true);
        Assert.Equal(1, again.PublishedCount);
    }

    [Fact]
    public async Task Reports_count_once_per_reader_and_the_threshold_puts_the_comment_in_the_reported_queue()
    {
        var article = TestData.NewArticle();
        var comment = (await _store.PostAsync(TestData.Draft(article), null)).Comment!;

        var first = await _store.ReportAsync(comment, """{"readerId":"r1"}""", "r1", threshold: 2);
        var repeated = await _store.ReportAsync(comment, """{"readerId":"r1"}""", "r1", threshold: 2);
        var queuedBefore = await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Reported, QueueNames.ByAge, article), comment.Id);
        var second = await _store.ReportAsync(comment, """{"readerId":"r2"}""", "r2", threshold: 2);

        Assert.Equal(ReportResult.Counted, first);
        Assert.Equal(ReportResult.AlreadyReported, repeated);
        Assert.Equal(ReportResult.Counted, second);
        Assert.Null(queuedBefore);
        Assert.Equal(comment.Sequence, await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Reported, QueueNames.ByAge, article), comment.Id));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Reported, QueueNames.ByScore), comment.Id));
        Assert.Equal(["reports"], (await _store.ReadAsync(comment.Id))!.Reasons.AsEnumerable());
        Assert.Equal(ReportResult.NotFound, await _store.ReportAsync(comment with { Id = "c-nobody" }, "{}", "r3", 2));
    }

    [Fact]
    public async Task Deleting_a_published_reply_takes_back_its_counts_and_keeps_its_place_in_the_thread()
    {
        var article = TestData.NewArticle();
        var parent = (await _store.PostAsync(TestData.Draft(article), null)).Comment!;
        var reply = (await _store.PostAsync(TestData.Draft(article, "bob", parentId: parent.Id), null)).Comment!;

        var deleted = await _store.DeleteAsync(reply, auditHead: """{"action":"delete","moderatorId":"mia" """.TrimEnd(), moderatorId: "mia");
        var again = await _store.DeleteAsync(reply, null, null);

        Assert.Equal((CommentStatus.Published, 1L), deleted);
        Assert.Equal((CommentStatus.Deleted, 1L), again);
        var stored = (await _store.ReadAsync(reply.Id))!;
        Assert.Equal(CommentStatus.Deleted, stored.Status);
        Assert.Equal("", stored.Body);
        Assert.Equal(0, (await _store.ReadAsync(parent.Id))!.ReplyCount);
        Assert.NotNull(await Redis.SortedSetScoreAsync(CommentRedisKeys.Replies(TestData.Part(article), article, parent.Id), reply.Id));
        var number = (await Redis.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByModerator(TestData.Part(article), "mia"), -1, -1)).Single();
        Assert.EndsWith("\"fromStatus\":\"published\",\"toStatus\":\"deleted\"}", (string?)await Redis.HashGetAsync(ModerationRedisKeys.AuditRecords(TestData.Part(article)), number));
        Assert.Null(await _store.DeleteAsync(reply with { Id = "c-nobody", ThreadParentId = null }, null, null));
    }

    [Fact]
    public async Task Deleting_a_held_comment_takes_it_out_of_every_queue_and_its_authors_held_set()
    {
        var article = TestData.NewArticle();
        var held = (await _store.PostAsync(TestData.Draft(article, "eve", held: true), null)).Comment!;

        var deleted = await _store.DeleteAsync(held, null, null);

        Assert.Equal((CommentStatus.Pending, 0L), deleted);
        Assert.Null(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Pending, QueueNames.ByAge, article), held.Id));
        Assert.Null(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Pending, QueueNames.ByScore), held.Id));
        Assert.False(await Redis.SetContainsAsync(ReaderRedisKeys.Pending(TestData.Part(article), "eve"), held.Id));
    }
}

[Collection(RedisCollection.Name)]
public sealed class CommentScriptOnRedisServerTests(ScriptServer server) : CommentScriptTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class CommentScriptOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : CommentScriptTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class CommentScriptOnRedisClusterTests(ScriptServerOnRedisCluster server) : CommentScriptTests(server);

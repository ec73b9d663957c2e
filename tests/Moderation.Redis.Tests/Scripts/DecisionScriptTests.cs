using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Grains.Comments;
using Moderation.Grains.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The decide script on a real server, through the store that sends it; run on each store by the classes below.</summary>
public abstract class DecisionScriptTests(ScriptServer server)
{
    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly DecisionStore _decisions = new(server.Writes, server.Webhooks);

    private IDatabase Redis => server.Database;

    [Fact]
    public async Task Approving_a_held_reply_publishes_it_counts_it_and_stores_its_audit_record_and_labelled_example()
    {
        var article = TestData.NewArticle();
        var parent = (await _comments.PostAsync(TestData.Draft(article), null)).Comment!;
        var held = (await _comments.PostAsync(TestData.Draft(article, "bob", parentId: parent.Id, held: true), null)).Comment!;

        var (outcome, former, count) = await _decisions.DecideAsync(
            held, TestData.Decision(ModerationDecision.Approve, revision: 1), """{"action":"approve","moderatorId":"mia" """.TrimEnd(), """{"label":0}""");

        Assert.Equal((DecisionOutcome.Applied, CommentStatus.Pending, 2L), (outcome, former, count));
        var stored = (await _comments.ReadAsync(held.Id))!;
        Assert.Equal((CommentStatus.Published, 2L), (stored.Status, stored.Revision));
        Assert.Equal(1, (await _comments.ReadAsync(parent.Id))!.ReplyCount);
        Assert.NotNull(await Redis.SortedSetScoreAsync(CommentRedisKeys.Replies(TestData.Part(article), article, parent.Id), held.Id));
        Assert.Null(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Pending, QueueNames.ByAge, article), held.Id));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Approved, QueueNames.ByScore), held.Id));
        var number = (await Redis.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(held.Id), -1, -1)).Single();
        Assert.Equal("""{"label":0}""", (string?)await Redis.HashGetAsync(ModerationRedisKeys.FeedbackRecords(TestData.Part(article)), number));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Feedback(TestData.Part(article)), number));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.AuditByModerator(TestData.Part(article), "mia"), number));
    }

    [Fact]
    public async Task Rejecting_a_published_comment_takes_it_out_of_the_thread_and_a_stale_revision_changes_nothing()
    {
        var article = TestData.NewArticle();
        var comment = (await _comments.PostAsync(TestData.Draft(article), null)).Comment!;

        var stale = await _decisions.DecideAsync(comment, TestData.Decision(ModerationDecision.Reject, revision: 7), "{", null);
        var rejected = await _decisions.DecideAsync(comment, TestData.Decision(ModerationDecision.Reject, revision: 1), """{"action":"reject" """.TrimEnd(), null);
        var missing = await _decisions.DecideAsync(comment with { Id = "c-nobody" }, TestData.Decision(ModerationDecision.Reject, null), "{", null);

        Assert.Equal(DecisionOutcome.StaleRevision, stale.Outcome);
        Assert.Equal((DecisionOutcome.Applied, CommentStatus.Published, 0L), rejected);
        Assert.Equal(DecisionOutcome.NotFound, missing.Outcome);
        Assert.Null(await Redis.SortedSetScoreAsync(CommentRedisKeys.Thread(TestData.Part(article), article), comment.Id));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Rejected, QueueNames.ByAge, article), comment.Id));
        Assert.Equal("0", (string?)await Redis.HashGetAsync(CommentRedisKeys.Counts(TestData.Part(article), article), "published"));
    }

    [Fact]
    public async Task A_deleted_comment_cannot_be_decided()
    {
        var article = TestData.NewArticle();
        var comment = (await _comments.PostAsync(TestData.Draft(article, held: true), null)).Comment!;
        await _comments.DeleteAsync(comment, null, null);

        var result = await _decisions.DecideAsync(comment, TestData.Decision(ModerationDecision.Approve, null), "{", null);

        Assert.Equal(DecisionOutcome.Deleted, result.Outcome);
        Assert.Null(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(TestData.Part(article), QueueNames.Approved, QueueNames.ByAge, article), comment.Id));
    }
}

[Collection(RedisCollection.Name)]
public sealed class DecisionScriptOnRedisServerTests(ScriptServer server) : DecisionScriptTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class DecisionScriptOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : DecisionScriptTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class DecisionScriptOnRedisClusterTests(ScriptServerOnRedisCluster server) : DecisionScriptTests(server);

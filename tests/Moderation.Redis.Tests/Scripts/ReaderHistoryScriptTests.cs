using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>
/// A reader's history, kept by the post and decide scripts in each comment's part and summed over the parts on read;
/// run on each store by the classes below.
/// </summary>
public abstract class ReaderHistoryScriptTests(ScriptServer server)
{
    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly DecisionStore _decisions = new(server.Writes, server.Webhooks);
    private readonly ReaderHistories _histories = new(server.Connection);

    [Fact]
    public async Task Posts_and_decisions_on_two_parts_sum_to_the_readers_exact_history_and_an_overturned_rejection_stops_counting()
    {
        var reader = "reader-" + Guid.NewGuid().ToString("N")[..8];
        var first = TestData.NewArticle();
        var second = ArticleInAnotherPart(first);
        var since = DateTimeOffset.UtcNow.AddHours(-1);
        var publishedFirst = (await _comments.PostAsync(TestData.Draft(first, reader), null)).Comment!;
        var heldFirst = (await _comments.PostAsync(TestData.Draft(first, reader, held: true), null)).Comment!;
        await _comments.PostAsync(TestData.Draft(second, reader), null);
        var heldSecond = (await _comments.PostAsync(TestData.Draft(second, reader, held: true), null)).Comment!;
        await _comments.PostAsync(TestData.Draft(second, "someone-else"), null);

        var posted = await _histories.ReadAsync(reader, since);
        await DecideAsync(heldFirst, ModerationDecision.Approve, 1);
        await DecideAsync(heldSecond, ModerationDecision.Reject, 1);
        await DecideAsync(publishedFirst, ModerationDecision.Reject, 1);
        var decided = await _histories.ReadAsync(reader, since);
        await DecideAsync(heldSecond, ModerationDecision.Approve, 2);
        var overturned = await _histories.ReadAsync(reader, since);

        Assert.Equal((4L, 2L, 0), (posted.Posted, posted.Approved, posted.RejectedAt.Length));
        Assert.Equal((4L, 2L, 2), (decided.Posted, decided.Approved, decided.RejectedAt.Length));
        Assert.All(decided.RejectedAt, at => Assert.True(at > since));
        Assert.Equal((4L, 3L, 1), (overturned.Posted, overturned.Approved, overturned.RejectedAt.Length));
        Assert.Empty((await _histories.ReadAsync(reader, DateTimeOffset.UtcNow.AddMinutes(1))).RejectedAt);
    }

    [Fact]
    public async Task A_stale_decision_changes_nothing_in_the_readers_history()
    {
        var reader = "reader-" + Guid.NewGuid().ToString("N")[..8];
        var held = (await _comments.PostAsync(TestData.Draft(TestData.NewArticle(), reader, held: true), null)).Comment!;

        var (outcome, _, _) = await _decisions.DecideAsync(held, TestData.Decision(ModerationDecision.Reject, revision: 5), "{", null);
        var history = await _histories.ReadAsync(reader, DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(DecisionOutcome.StaleRevision, outcome);
        Assert.Equal((1L, 0L, 0), (history.Posted, history.Approved, history.RejectedAt.Length));
    }

    [Fact]
    public async Task A_comment_the_gate_rejects_is_stored_in_the_rejected_queue_with_its_audit_record_and_counts_as_a_rejection_not_a_post()
    {
        var reader = "reader-" + Guid.NewGuid().ToString("N")[..8];
        var article = TestData.NewArticle();
        var draft = TestData.Draft(article, reader) with { Status = CommentStatus.Rejected, Reasons = ["banned-word"] };

        var stored = (await _comments.PostAsync(draft, """{"action":"reject","toStatus":"rejected"}""")).Comment!;
        var history = await _histories.ReadAsync(reader, DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(CommentStatus.Rejected, stored.Status);
        Assert.Equal((0L, 0L, 1), (history.Posted, history.Approved, history.RejectedAt.Length));
        var part = TestData.Part(article);
        Assert.NotNull(await server.Database.SortedSetScoreAsync(ModerationRedisKeys.Queue(part, QueueNames.Rejected, QueueNames.ByAge, article), stored.Id));
        Assert.Null(await server.Database.SortedSetScoreAsync(ModerationRedisKeys.Queue(part, QueueNames.Pending, QueueNames.ByAge, article), stored.Id));
        Assert.Null(await server.Database.SortedSetScoreAsync(CommentRedisKeys.Thread(part, article), stored.Id));
        Assert.Single(await server.Database.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(stored.Id)));
    }

    private async Task DecideAsync(CommentView comment, string action, long revision)
    {
        var current = (await _comments.ReadAsync(comment.Id))!;
        var (outcome, _, _) = await _decisions.DecideAsync(current, TestData.Decision(action, revision), """{"action":"x" """.TrimEnd(), null);
        Assert.Equal(DecisionOutcome.Applied, outcome);
    }

    private static string ArticleInAnotherPart(string article)
    {
        while (true)
        {
            var other = TestData.NewArticle();
            if (TestData.Part(other) != TestData.Part(article))
            {
                return other;
            }
        }
    }
}

[Collection(RedisCollection.Name)]
public sealed class ReaderHistoryOnRedisServerTests(ScriptServer server) : ReaderHistoryScriptTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ReaderHistoryOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : ReaderHistoryScriptTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class ReaderHistoryOnRedisClusterTests(ScriptServerOnRedisCluster server) : ReaderHistoryScriptTests(server);

using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The top and featured indexes, kept by the post, reaction, feature, decide and delete scripts; run on each store below.</summary>
public abstract class ThreadSortTests(ScriptServer server)
{
    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly ReactionStore _reactions = new(server.Connection, server.Writes);
    private readonly FeatureStore _picks = new(server.Writes);
    private readonly DecisionStore _decisions = new(server.Writes, server.Webhooks);
    private readonly ThreadStore _threads = new(server.Connection, server.Writes, server.Parts);

    [Fact]
    public async Task Top_orders_by_reactions_then_newest_and_a_cursor_walk_returns_each_comment_once()
    {
        var article = TestData.NewArticle();
        var posted = new List<CommentView>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add((await _comments.PostAsync(TestData.Draft(article, $"author-{i}"), null)).Comment!);
        }

        var reply = (await _comments.PostAsync(TestData.Draft(article, "replier", parentId: posted[0].Id), null)).Comment!;
        await ReactAsync(posted[1], 3);
        await ReactAsync(posted[3], 1);
        await ReactAsync(reply, 5);

        var first = await _threads.ThreadAsync(article, "top", 2, null);
        var second = await _threads.ThreadAsync(article, "top", 2, first.NextCursor);
        var third = await _threads.ThreadAsync(article, "top", 2, second.NextCursor);

        string[] expected = [posted[1].Id, posted[3].Id, posted[4].Id, posted[2].Id, posted[0].Id];
        Assert.Equal(expected, first.Items.Concat(second.Items).Concat(third.Items).Select(comment => comment.Id));
        Assert.Null(third.NextCursor);
        Assert.Equal(3, first.Items[0].Reactions);
    }

    [Fact]
    public async Task Featuring_is_idempotent_audited_once_and_the_featured_sort_lists_only_picks_newest_first()
    {
        var article = TestData.NewArticle();
        var older = (await _comments.PostAsync(TestData.Draft(article, "ann"), null)).Comment!;
        var plain = (await _comments.PostAsync(TestData.Draft(article, "bob"), null)).Comment!;
        var newer = (await _comments.PostAsync(TestData.Draft(article, "cy", parentId: older.Id), null)).Comment!;
        var held = (await _comments.PostAsync(TestData.Draft(article, "dan", held: true), null)).Comment!;

        Assert.Equal(FeatureOutcome.Changed, await _picks.FeatureAsync(older, true, "ed", DateTimeOffset.UtcNow));
        Assert.Equal(FeatureOutcome.AlreadySo, await _picks.FeatureAsync(older, true, "ed", DateTimeOffset.UtcNow));
        Assert.Equal(FeatureOutcome.Changed, await _picks.FeatureAsync(newer, true, "ed", DateTimeOffset.UtcNow));
        Assert.Equal(FeatureOutcome.NotFound, await _picks.FeatureAsync(held, true, "ed", DateTimeOffset.UtcNow));

        var featured = await _threads.ThreadAsync(article, "featured", 20, null);
        Assert.Equal([newer.Id, older.Id], featured.Items.Select(comment => comment.Id));
        Assert.True(featured.Items.All(comment => comment.Featured));
        Assert.False((await _comments.ReadAsync(plain.Id))!.Featured);
        Assert.Single(await server.Database.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(older.Id)));
        Assert.False((await _comments.ReadAsync(held.Id))!.Featured);

        Assert.Equal(FeatureOutcome.Changed, await _picks.FeatureAsync(older, false, "ed", DateTimeOffset.UtcNow));
        Assert.Equal([newer.Id], (await _threads.ThreadAsync(article, "featured", 20, null)).Items.Select(comment => comment.Id));
        Assert.Equal(2, await server.Database.SortedSetLengthAsync(ModerationRedisKeys.AuditByComment(older.Id)));
    }

    [Fact]
    public async Task Rejecting_or_deleting_a_comment_takes_it_out_of_top_and_featured_and_approving_puts_it_back_by_its_reactions()
    {
        var article = TestData.NewArticle();
        var first = (await _comments.PostAsync(TestData.Draft(article, "ann"), null)).Comment!;
        var second = (await _comments.PostAsync(TestData.Draft(article, "bob"), null)).Comment!;
        await ReactAsync(first, 2);
        await _picks.FeatureAsync(first, true, "ed", DateTimeOffset.UtcNow);
        await _picks.FeatureAsync(second, true, "ed", DateTimeOffset.UtcNow);

        var reject = TestData.Decision(ModerationDecision.Reject, null);
        await _decisions.DecideAsync((await _comments.ReadAsync(first.Id))!, reject, """{"action":"reject" """.TrimEnd(), null);
        await _comments.DeleteAsync((await _comments.ReadAsync(second.Id))!, null, null);

        Assert.Empty((await _threads.ThreadAsync(article, "top", 20, null)).Items);
        Assert.Empty((await _threads.ThreadAsync(article, "featured", 20, null)).Items);
        Assert.False((await _comments.ReadAsync(first.Id))!.Featured);

        var approve = TestData.Decision(ModerationDecision.Approve, null);
        await _decisions.DecideAsync((await _comments.ReadAsync(first.Id))!, approve, """{"action":"approve" """.TrimEnd(), null);
        var third = (await _comments.PostAsync(TestData.Draft(article, "cy"), null)).Comment!;

        Assert.Equal([first.Id, third.Id], (await _threads.ThreadAsync(article, "top", 20, null)).Items.Select(comment => comment.Id));
    }

    private async Task ReactAsync(CommentView comment, int readers)
    {
        for (var i = 0; i < readers; i++)
        {
            Assert.Equal(ReactionOutcome.Applied, (await _reactions.ReactAsync(comment, $"fan-{i}", add: true)).Outcome);
        }
    }
}

[Collection(RedisCollection.Name)]
public sealed class ThreadSortOnRedisServerTests(ScriptServer server) : ThreadSortTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ThreadSortOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : ThreadSortTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class ThreadSortOnRedisClusterTests(ScriptServerOnRedisCluster server) : ThreadSortTests(server);

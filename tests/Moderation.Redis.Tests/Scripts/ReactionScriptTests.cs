using Moderation.Contracts.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The reaction script on a real server; run on each store by the classes below.</summary>
public abstract class ReactionScriptTests(ScriptServer server)
{
    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly ReactionStore _reactions = new(server.Connection, server.Writes);

    [Fact]
    public async Task A_reaction_counts_once_per_reader_and_taking_it_back_twice_counts_down_once()
    {
        var comment = await PublishedAsync();

        var first = await _reactions.ReactAsync(comment, "r1", add: true);
        var again = await _reactions.ReactAsync(comment, "r1", add: true);
        var second = await _reactions.ReactAsync(comment, "r2", add: true);
        var removed = await _reactions.ReactAsync(comment, "r1", add: false);
        var removedAgain = await _reactions.ReactAsync(comment, "r1", add: false);

        Assert.Equal((ReactionOutcome.Applied, 1L), first);
        Assert.Equal((ReactionOutcome.Applied, 1L), again);
        Assert.Equal((ReactionOutcome.Applied, 2L), second);
        Assert.Equal((ReactionOutcome.Applied, 1L), removed);
        Assert.Equal((ReactionOutcome.Applied, 1L), removedAgain);
        Assert.Equal(1, (await _comments.ReadAsync(comment.Id))!.Reactions);
        Assert.Equal([comment.Id], await _reactions.ReactedAsync("r2", [comment.Id]));
        Assert.Empty(await _reactions.ReactedAsync("r1", [comment.Id]));
    }

    [Fact]
    public async Task The_author_cannot_react_and_a_held_or_unknown_comment_is_not_found()
    {
        var article = TestData.NewArticle();
        var published = (await _comments.PostAsync(TestData.Draft(article, "ann"), null)).Comment!;
        var held = (await _comments.PostAsync(TestData.Draft(article, "bob", held: true), null)).Comment!;

        Assert.Equal(ReactionOutcome.OwnComment, (await _reactions.ReactAsync(published, "ann", add: true)).Outcome);
        Assert.Equal(ReactionOutcome.NotFound, (await _reactions.ReactAsync(held, "cy", add: true)).Outcome);
        Assert.Equal(ReactionOutcome.NotFound, (await _reactions.ReactAsync(published with { Id = TestData.CommentId(article) }, "cy", add: true)).Outcome);
        Assert.False(await server.Database.KeyExistsAsync(CommentRedisKeys.Reactors(held.Id)));
        Assert.Equal(0, (await _comments.ReadAsync(published.Id))!.Reactions);
    }

    [Fact]
    public async Task A_reaction_to_a_top_level_comment_bumps_the_thread_version_so_cached_pages_show_the_count()
    {
        var article = TestData.NewArticle();
        var top = (await _comments.PostAsync(TestData.Draft(article), null)).Comment!;
        var reply = (await _comments.PostAsync(TestData.Draft(article, "bob", parentId: top.Id), null)).Comment!;
        var version = CommentRedisKeys.ThreadVersion(TestData.Part(article), article);
        var before = (long)await server.Database.StringGetAsync(version);

        await _reactions.ReactAsync(reply, "r1", add: true);
        var afterReply = (long)await server.Database.StringGetAsync(version);
        await _reactions.ReactAsync(top, "r1", add: true);

        Assert.Equal(before, afterReply);
        Assert.Equal(before + 1, (long)await server.Database.StringGetAsync(version));
    }

    [Fact]
    public async Task Concurrent_reactions_through_two_processes_connections_count_every_distinct_reader_exactly()
    {
        var comment = await PublishedAsync();
        using var otherSilo = new RedisWriteConnections(server.Connection.Configuration, 2);
        await otherSilo.ConnectAsync();
        var other = new ReactionStore(server.Connection, otherSilo);

        // 200 readers, each reacting twice from both "silos" at once, and 50 of them then taking it back.
        await Task.WhenAll(Enumerable.Range(0, 200).SelectMany(i => new[]
        {
            _reactions.ReactAsync(comment, $"reader-{i}", add: true),
            other.ReactAsync(comment, $"reader-{i}", add: true),
        }));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? _reactions : other).ReactAsync(comment, $"reader-{i}", add: false)));

        Assert.Equal(150, (await _comments.ReadAsync(comment.Id))!.Reactions);
        Assert.Equal(150, await server.Database.SetLengthAsync(CommentRedisKeys.Reactors(comment.Id)));
    }

    private async Task<CommentView> PublishedAsync() =>
        (await _comments.PostAsync(TestData.Draft(TestData.NewArticle()), null)).Comment!;
}

[Collection(RedisCollection.Name)]
public sealed class ReactionScriptOnRedisServerTests(ScriptServer server) : ReactionScriptTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ReactionScriptOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : ReactionScriptTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class ReactionScriptOnRedisClusterTests(ScriptServerOnRedisCluster server) : ReactionScriptTests(server);

using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Grains.Comments;
using Moderation.Redis.Comments;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Grains.Tests.Comments;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class CommentRecoveryTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Every_comment_script_lists_its_article_as_touched()
    {
        var article = TestComments.NewArticle();
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Grains.PostAsync(TestComments.Draft(article));
        var touched = await connection.GetDatabase().SortedSetScoreAsync(CommentRedisKeys.TouchedArticles(TestComments.Part(article)), article);

        Assert.NotNull(touched);
        Assert.InRange(touched.Value, before - 1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1);
    }

    [Fact]
    public async Task A_decision_lists_its_article_as_touched_at_the_time_it_was_made()
    {
        var article = TestComments.NewArticle();
        var held = await Grains.PostAsync(TestComments.Draft(article, held: "toxicity"));
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var at = DateTimeOffset.UtcNow;

        var decided = await Grains.GetGrain<ICommentModerationGrain>(held.Id)
            .Decide(new ModerationDecision("approve", null, "", held.Revision, "mod", at, Labelled: true));
        var touched = await connection.GetDatabase().SortedSetScoreAsync(CommentRedisKeys.TouchedArticles(TestComments.Part(article)), article);

        Assert.Equal(DecisionOutcome.Applied, decided.Outcome);
        Assert.Equal(at.ToUnixTimeMilliseconds(), touched);
    }

    [Fact]
    public async Task The_first_writes_of_a_post_a_crash_cut_short_are_found_and_the_counts_put_right()
    {
        var article = TestComments.NewArticle();
        await Grains.PostAsync(TestComments.Draft(article));
        await Grains.PostAsync(TestComments.Draft(article, "bob"));
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var database = connection.GetDatabase();
        var torn = TestComments.CommentId(article);
        // What a crash may keep of a post script that never answered: the writes before the comment's own hash.
        await database.SortedSetAddAsync(CommentRedisKeys.TouchedArticles(TestComments.Part(article)), article, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await database.SortedSetAddAsync(CommentRedisKeys.Comments(TestComments.Part(article), article), torn, 9e12);
        await database.SortedSetAddAsync(CommentRedisKeys.Thread(TestComments.Part(article), article), torn, 9e12);
        await database.HashIncrementAsync(CommentRedisKeys.Counts(TestComments.Part(article), article), "published");

        var reports = await new CommentRecovery(Grains, new TouchedArticles(connection), NullLogger<CommentRecovery>.Instance).RecoverAsync(CancellationToken.None);

        var report = Assert.Single(reports, report => report.ArticleId == article);
        Assert.Equal((3L, 2L), (report.PublishedBefore, report.Published));
        Assert.Equal(2, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
        var thread = await Grains.GetGrain<ICommentQueriesGrain>(0).Thread(article, "newest", 20, null);
        Assert.Equal(2, thread.Items.Length);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class CommentRecoveryOnRedisServerTests(ClusterFixture fixture) : CommentRecoveryTests(fixture);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class CommentRecoveryOnEmbeddedStoreTests(ClusterOnEmbeddedStore fixture) : CommentRecoveryTests(fixture);

[Collection(RedisClusterCollection.Name)]
public sealed class CommentRecoveryOnRedisClusterTests(ClusterOnRedisCluster fixture) : CommentRecoveryTests(fixture);

using Moderation.Contracts.Articles;
using Moderation.Testing;

namespace Moderation.Grains.Tests.Articles;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class ArticleGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_unknown_article_has_default_settings_and_nothing_on_it()
    {
        var article = await fixture.Grains.GetGrain<IArticleGrain>(NewId()).Get();

        Assert.True(article.CommentsOpen);
        Assert.False(article.Premoderation);
        Assert.Null(article.HoldThreshold);
        Assert.Equal(0, article.CommentCount);
        Assert.Empty(article.PollIds);
    }

    [Fact]
    public async Task Settings_survive_the_grain_being_deactivated()
    {
        var id = NewId();
        await fixture.Grains.GetGrain<IArticleGrain>(id).UpdateSettings(new ArticleSettingsUpdate(false, true, 0.7));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reloaded = await fixture.Grains.GetGrain<IArticleGrain>(id).Get();

        Assert.False(reloaded.CommentsOpen);
        Assert.True(reloaded.Premoderation);
        Assert.Equal(0.7, reloaded.HoldThreshold);
    }

    [Fact]
    public async Task The_settings_read_gives_what_get_gives_without_reading_the_comment_count()
    {
        var grain = fixture.Grains.GetGrain<IArticleGrain>(NewId());
        await grain.UpdateSettings(new ArticleSettingsUpdate(false, true, 0.6, new ArticleTrust(2, null, null)));
        await grain.AttachPoll("poll-1");

        var settings = await grain.Settings();

        Assert.Equivalent((await grain.Get()) with { CommentCount = 0 }, settings, strict: true);
        Assert.Equal((false, true, 0.6, 2), (settings.CommentsOpen, settings.Premoderation, settings.HoldThreshold, settings.Trust!.NewReaderComments));
        Assert.Equal("poll-1", Assert.Single(settings.PollIds));
    }

    [Fact]
    public async Task A_partial_update_leaves_the_other_settings_alone()
    {
        var grain = fixture.Grains.GetGrain<IArticleGrain>(NewId());
        await grain.UpdateSettings(new ArticleSettingsUpdate(null, true, 0.4));

        var article = await grain.UpdateSettings(new ArticleSettingsUpdate(false, null, null));

        Assert.False(article.CommentsOpen);
        Assert.True(article.Premoderation);
        Assert.Equal(0.4, article.HoldThreshold);
    }

    [Fact]
    public async Task A_threshold_outside_zero_to_one_is_refused_and_changes_nothing()
    {
        var grain = fixture.Grains.GetGrain<IArticleGrain>(NewId());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.UpdateSettings(new ArticleSettingsUpdate(false, null, 1.5)));

        Assert.True((await grain.Get()).CommentsOpen);
    }

    private static string NewId() => "article-" + Guid.NewGuid().ToString("N");
}

[Collection(ClusterCollection.Name)]
public sealed class ArticleGrainOnRedisServerTests(ClusterFixture fixture) : ArticleGrainTests(fixture);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ArticleGrainOnEmbeddedStoreTests(ClusterOnEmbeddedStore fixture) : ArticleGrainTests(fixture);

[Collection(RedisClusterCollection.Name)]
public sealed class ArticleGrainOnRedisClusterTests(ClusterOnRedisCluster fixture) : ArticleGrainTests(fixture);

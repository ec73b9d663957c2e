using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Testing;

namespace Moderation.Grains.Tests.Comments;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class ThreadTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private ICommentQueriesGrain Queries => Grains.GetGrain<ICommentQueriesGrain>(0);

    [Fact]
    public async Task A_published_comment_is_counted_and_first_in_the_thread()
    {
        var article = TestComments.NewArticle();
        var first = await Grains.PostAsync(TestComments.Draft(article));
        var second = await Grains.PostAsync(TestComments.Draft(article, "bob"));

        var newest = await Queries.Thread(article, "newest", 20, null);
        var oldest = await Queries.Thread(article, "oldest", 20, null);

        Assert.Equal(CommentStatus.Published, first.Status);
        Assert.Equal(1, first.Revision);
        Assert.Equal([second.Id, first.Id], newest.Items.Select(c => c.Id));
        Assert.Equal([first.Id, second.Id], oldest.Items.Select(c => c.Id));
        Assert.Null(newest.NextCursor);
        Assert.Equal(2, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
    }

    [Fact]
    public async Task Replies_nest_to_depth_three_and_deeper_ones_attach_to_their_depth_three_ancestor()
    {
        var article = TestComments.NewArticle();
        var top = await Grains.PostAsync(TestComments.Draft(article));
        var second = await Grains.PostAsync(TestComments.Draft(article, parentId: top.Id));
        var third = await Grains.PostAsync(TestComments.Draft(article, parentId: second.Id));
        var fourth = await Grains.PostAsync(TestComments.Draft(article, parentId: third.Id));
        var fifth = await Grains.PostAsync(TestComments.Draft(article, parentId: fourth.Id));

        Assert.Equal([1, 2, 3, 4, 4], new[] { top, second, third, fourth, fifth }.Select(c => c.Depth));
        Assert.Equal(fourth.Id, fifth.ParentId);
        Assert.Equal(third.Id, fifth.ThreadParentId);
        var underThird = await Queries.Replies(third.Id, 20, null);
        Assert.Equal([fourth.Id, fifth.Id], underThird.Items.Select(c => c.Id));
        Assert.Equal(2, (await Queries.Comment(third.Id))!.ReplyCount);
        Assert.Equal([top.Id], (await Queries.Thread(article, "newest", 20, null)).Items.Select(c => c.Id));
        Assert.Equal(5, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
    }

    [Fact]
    public async Task A_reply_to_an_unknown_or_foreign_parent_is_refused_and_stores_nothing()
    {
        var article = TestComments.NewArticle();
        var elsewhere = await Grains.PostAsync(TestComments.Draft(TestComments.NewArticle()));

        var unknown = TestComments.Draft(article, parentId: "c-nothing");
        var foreign = TestComments.Draft(article, parentId: elsewhere.Id);

        Assert.True((await Grains.GetGrain<ICommentGrain>(unknown.Id).Post(unknown)).UnknownParent);
        Assert.True((await Grains.GetGrain<ICommentGrain>(foreign.Id).Post(foreign)).UnknownParent);
        Assert.Null(await Queries.Comment(unknown.Id));
        Assert.Equal(0, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
    }

    [Fact]
    public async Task Posting_the_same_comment_twice_stores_and_counts_it_once()
    {
        var article = TestComments.NewArticle();
        var draft = TestComments.Draft(article);

        await Grains.PostAsync(draft);
        var again = await Grains.GetGrain<ICommentGrain>(draft.Id).Post(draft);

        Assert.Equal(1, again.PublishedCount);
        Assert.Single((await Queries.Thread(article, "newest", 20, null)).Items);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats()
    {
        var article = TestComments.NewArticle();
        var posted = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            posted.Add((await Grains.PostAsync(TestComments.Draft(article, $"reader-{i}"))).Id);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Queries.Thread(article, "oldest", 7, cursor);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(posted, seen);
    }

    [Fact]
    public async Task The_cached_first_page_is_rebuilt_when_a_comment_is_published_or_deleted()
    {
        var article = TestComments.NewArticle();
        var first = await Grains.PostAsync(TestComments.Draft(article));
        var before = await Queries.FirstPageJson(article, "newest");

        var second = await Grains.PostAsync(TestComments.Draft(article, "bob"));
        var afterPost = await Queries.FirstPageJson(article, "newest");
        await Grains.GetGrain<ICommentGrain>(first.Id).Delete("ann", byModerator: false);
        var afterDelete = await Queries.FirstPageJson(article, "newest");

        Assert.Contains(first.Id, before);
        Assert.DoesNotContain(second.Id, before);
        Assert.Contains(second.Id, afterPost);
        Assert.Contains("\"deleted\":true", afterDelete);
        Assert.Equal(afterDelete, await Queries.FirstPageJson(article, "newest"));
    }

    [Fact]
    public async Task A_deleted_comment_keeps_its_place_without_its_text_and_leaves_the_count()
    {
        var article = TestComments.NewArticle();
        var top = await Grains.PostAsync(TestComments.Draft(article));
        var reply = await Grains.PostAsync(TestComments.Draft(article, "bob", parentId: top.Id));

        var deleted = await Grains.GetGrain<ICommentGrain>(reply.Id).Delete("bob", byModerator: false);

        Assert.Equal(CommentStatus.Deleted, deleted!.Status);
        Assert.Equal("", deleted.Body);
        Assert.Equal(2, deleted.Revision);
        var replies = await Queries.Replies(top.Id, 20, null);
        Assert.Equal([reply.Id], replies.Items.Select(c => c.Id));
        Assert.Equal(0, (await Queries.Comment(top.Id))!.ReplyCount);
        Assert.Equal(1, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
    }

    [Fact]
    public async Task Fifty_concurrent_posts_to_one_article_all_land()
    {
        var article = TestComments.NewArticle();

        var posted = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Grains.PostAsync(TestComments.Draft(article, $"crowd-{i}"))));

        Assert.Equal(50, (await Grains.GetGrain<IArticleGrain>(article).Get()).CommentCount);
        var page = await Queries.Thread(article, "newest", 100, null);
        Assert.Equal(posted.Select(c => c.Id).Order(), page.Items.Select(c => c.Id).Order());
        Assert.Equal(50, posted.Select(c => c.Sequence).Distinct().Count());
    }
}

[Collection(ClusterCollection.Name)]
public sealed class ThreadOnRedisServerTests(ClusterFixture fixture) : ThreadTests(fixture);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ThreadOnEmbeddedStoreTests(ClusterOnEmbeddedStore fixture) : ThreadTests(fixture);

[Collection(RedisClusterCollection.Name)]
public sealed class ThreadOnRedisClusterTests(ClusterOnRedisCluster fixture) : ThreadTests(fixture);

using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>New comments stored in batches per part: concurrent posts, mixed batches and a failed batch, on each store.</summary>
public abstract class PostBatchTests(ScriptServer server)
{
    private readonly CommentStore _store = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);

    protected ScriptServer Server => server;

    private IDatabase Redis => server.Database;

    [Fact]
    public async Task Many_concurrent_posts_to_one_article_are_each_counted_once_in_sequence_order()
    {
        var article = TestData.NewArticle();
        var part = TestData.Part(article);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => _store.PostAsync(TestData.Draft(article, $"reader-{i}"), null)));

        Assert.All(results, result => Assert.True(result.Created));
        var bySequence = results.OrderBy(result => result.Comment!.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, 300).Select(count => (long)count), bySequence.Select(result => result.PublishedCount));
        Assert.Equal(300, results.Select(result => result.Comment!.Sequence).Distinct().Count());
        Assert.Equal("300", (string?)await Redis.HashGetAsync(CommentRedisKeys.Counts(part, article), "published"));
        Assert.Equal("300", (string?)await Redis.StringGetAsync(CommentRedisKeys.ThreadVersion(part, article)));
        var thread = await Redis.SortedSetRangeByRankWithScoresAsync(CommentRedisKeys.Thread(part, article));
        Assert.Equal(bySequence.Select(result => (result.Comment!.Id, (double)result.Comment.Sequence)), thread.Select(entry => ((string)entry.Element!, entry.Score)));
        Assert.Equal(300, await Redis.SortedSetLengthAsync(CommentRedisKeys.Comments(part, article)));
        Assert.Equal(300, await Redis.SortedSetLengthAsync(CommentRedisKeys.Top(part, article)));
        foreach (var result in results.Take(5))
        {
            Assert.Equivalent(result.Comment, await _store.ReadAsync(result.Comment!.Id), strict: true);
        }
    }

    [Fact]
    public async Task Concurrent_posts_to_many_articles_and_by_one_reader_count_exactly_per_article_and_per_reader()
    {
        var articles = Enumerable.Range(0, 24).Select(_ => TestData.NewArticle()).ToArray();
        var reader = "reader-" + Guid.NewGuid().ToString("N")[..8];

        var results = await Task.WhenAll(articles.SelectMany(article => Enumerable.Range(0, 10).Select(_ => _store.PostAsync(TestData.Draft(article, reader), null))));

        Assert.All(results, result => Assert.True(result.Created));
        foreach (var article in articles)
        {
            var part = TestData.Part(article);
            Assert.Equal("10", (string?)await Redis.HashGetAsync(CommentRedisKeys.Counts(part, article), "published"));
            Assert.Equal(10, await Redis.SortedSetLengthAsync(CommentRedisKeys.Thread(part, article)));
            Assert.Equal(
                Enumerable.Range(1, 10).Select(count => (long)count),
                results.Where(result => result.Comment!.ArticleId == article).OrderBy(result => result.Comment!.Sequence).Select(result => result.PublishedCount));
        }

        var byPart = articles.GroupBy(TestData.Part).ToDictionary(group => group.Key, group => group.Count() * 10);
        foreach (var (part, posted) in byPart)
        {
            var counts = await Redis.HashGetAsync(ReaderRedisKeys.Counts(part, reader), ["posted", "approved"]);
            Assert.Equal(new[] { $"{posted}", $"{posted}" }, counts.Select(value => (string?)value).ToArray());
            Assert.Equal(posted, await Redis.SortedSetLengthAsync(ReaderRedisKeys.Comments(part, reader)));
        }
    }

    [Fact]
    public async Task A_batch_with_a_repeated_post_a_held_one_a_rejected_one_and_a_reply_stores_each_as_if_posted_alone()
    {
        var article = TestData.NewArticle();
        var part = TestData.Part(article);
        var parent = (await _store.PostAsync(TestData.Draft(article), null)).Comment!;
        var published = TestData.Draft(article, "ann");
        var held = TestData.Draft(article, "dan", held: true, score: 0.9);
        var rejected = TestData.Draft(article, "eve", score: 0.99) with { Status = CommentStatus.Rejected, Reasons = ["slur"] };
        var reply = TestData.Draft(article, "bob", parentId: parent.Id);

        var results = await Task.WhenAll(
            _store.PostAsync(published, null),
            _store.PostAsync(published, null),
            _store.PostAsync(held, """{"action":"hold"}"""),
            _store.PostAsync(rejected, """{"action":"reject"}"""),
            _store.PostAsync(reply, null));

        Assert.Equal(1, results.Take(2).Count(result => result.Created));
        Assert.Equal((results[0].Comment!.Id, results[0].Comment!.Sequence), (results[1].Comment!.Id, results[1].Comment!.Sequence));
        Assert.Equal(CommentStatus.Pending, results[2].Comment!.Status);
        Assert.Equal(CommentStatus.Rejected, results[3].Comment!.Status);
        Assert.Equal(parent.Id, results[4].Comment!.ThreadParentId);
        Assert.Equal(1, (await _store.ReadAsync(parent.Id))!.ReplyCount);
        Assert.Equal("3", (string?)await Redis.HashGetAsync(CommentRedisKeys.Counts(part, article), "published"));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(part, QueueNames.Pending, QueueNames.ByScore, article), held.Id));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ModerationRedisKeys.Queue(part, QueueNames.Rejected, QueueNames.ByAge), rejected.Id));
        Assert.True(await Redis.SetContainsAsync(ReaderRedisKeys.Pending(part, "dan"), held.Id));
        Assert.NotNull(await Redis.SortedSetScoreAsync(ReaderRedisKeys.Rejections(part, "eve"), rejected.Id));
        var heldRecord = await Redis.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(held.Id));
        var rejectedRecord = await Redis.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(rejected.Id));
        Assert.Equal("""{"action":"hold"}""", (string?)await Redis.HashGetAsync(ModerationRedisKeys.AuditRecords(part), heldRecord.Single()));
        Assert.Equal("""{"action":"reject"}""", (string?)await Redis.HashGetAsync(ModerationRedisKeys.AuditRecords(part), rejectedRecord.Single()));
        Assert.Null(await Redis.SortedSetScoreAsync(CommentRedisKeys.Thread(part, article), held.Id));
    }

    [Fact]
    public async Task A_batch_whose_script_fails_stores_none_of_its_posts_and_the_part_posts_again_afterwards()
    {
        var broken = TestData.NewArticle();
        var part = TestData.Part(broken);
        var healthy = ArticleInPart(part);
        await Redis.StringSetAsync(CommentRedisKeys.Counts(part, broken), "not a hash");
        var drafts = new[] { TestData.Draft(healthy, "ann"), TestData.Draft(broken, "bob"), TestData.Draft(healthy, "cy") };
        var batch = new PostBatchScript.Batch(part, [.. drafts.Select(Prepared)], DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<RedisServerException>(() => PostBatchScript.EvaluateAsync(server.Writes.For(part), batch));
        var failedAlone = await Record.ExceptionAsync(() => _store.PostAsync(TestData.Draft(broken, "dan"), null));
        var after = await _store.PostAsync(TestData.Draft(healthy, "eve"), null);

        Assert.IsType<RedisServerException>(failedAlone);
        foreach (var draft in drafts)
        {
            Assert.False(await Redis.KeyExistsAsync(CommentRedisKeys.Comment(draft.Id)));
        }

        Assert.Equal(0, await Redis.SortedSetLengthAsync(CommentRedisKeys.Comments(part, broken)));
        Assert.True(after.Created);
        Assert.Equal(1, after.PublishedCount);
        Assert.Equal(1, await Redis.SortedSetLengthAsync(CommentRedisKeys.Thread(part, healthy)));
    }

    private static PostBatchScript.PreparedPost Prepared(CommentDraft draft) => new(
        draft, null, 1, null, "",
        [CommentFields.Id, draft.Id, CommentFields.ArticleId, draft.ArticleId, CommentFields.AuthorId, draft.AuthorId, CommentFields.Body, draft.Body]);

    private static string ArticleInPart(int part)
    {
        while (true)
        {
            var article = TestData.NewArticle();
            if (TestData.Part(article) == part)
            {
                return article;
            }
        }
    }
}

[Collection(RedisCollection.Name)]
public sealed class PostBatchOnRedisServerTests(ScriptServer server) : PostBatchTests(server)
{
    // The embedded store commits each write command of a script on its own (see SmallScriptTests), so these counts are
    // its disk writes per batch; redis-server runs the same script and counts its commands.
    [Fact]
    public async Task A_batch_of_fifty_posts_to_one_article_writes_each_shared_key_once()
    {
        var article = TestData.NewArticle();
        var part = TestData.Part(article);
        var options = ConfigurationOptions.Parse(Server.Connection.Configuration);
        options.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(options);
        var redis = admin.GetServers().Single();
        var posts = Enumerable.Range(0, 50).Select(i => TestData.Draft(article, $"reader-{i}"))
            .Select(draft => new PostBatchScript.PreparedPost(draft, null, 1, null, "", [CommentFields.Id, draft.Id])).ToArray();
        var before = await CallsAsync(redis);

        var outcomes = PostBatchScript.Parse(await PostBatchScript.EvaluateAsync(Server.Writes.For(part), new PostBatchScript.Batch(part, posts, DateTimeOffset.UtcNow)));
        var after = await CallsAsync(redis);

        Assert.Equal(Enumerable.Range(1, 50).Select(count => (long)count), outcomes.Select(outcome => outcome.PublishedCount));
        long Calls(string command) => after.GetValueOrDefault(command) - before.GetValueOrDefault(command);
        // touched, the article's index, thread and top set: one each; the readers' indexes: one per reader.
        Assert.Equal(4 + 50, Calls("zadd"));
        Assert.Equal(2, Calls("incrby") + Calls("incr"));
        Assert.Equal(1, Calls("hincrby"));
        Assert.Equal(50 + 50, Calls("hset"));
    }

    private static async Task<Dictionary<string, long>> CallsAsync(IServer redis) =>
        (await redis.InfoAsync("commandstats")).SelectMany(group => group).ToDictionary(
            stat => stat.Key["cmdstat_".Length..],
            stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}

[Collection(EmbeddedStoreCollection.Name)]
public sealed class PostBatchOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : PostBatchTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class PostBatchOnRedisClusterTests(ScriptServerOnRedisCluster server) : PostBatchTests(server);

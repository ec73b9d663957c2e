using System.Diagnostics;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Grains.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Webhooks;
using Moderation.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Moderation.Grains.Tests.Comments;

/// <summary>
/// Posting at 100,000 comments costs what it did at the first, and the pages a reader or a moderator opens stay fast:
/// MODERATION_BENCHMARKS=1 dotnet test tests/Moderation.Grains.Tests --filter FullyQualifiedName~CommentScaleBenchmarks
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CommentScaleBenchmarks(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Size = 100_000;
    private const int Samples = 300;

    private IGrainFactory Grains => fixture.Grains;

    [BenchmarkFact]
    public async Task Post_one_against_post_one_hundred_thousand_and_first_pages_and_queue_pages_at_that_size()
    {
        output.WriteLine($"Store: {fixture.Redis.Kind}");
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        using var writes = new RedisWriteConnections(fixture.Redis.ConnectionString, 8);
        await writes.ConnectAsync();
        var parts = new CommentParts(connection);
        await parts.LoadAsync();
        var store = new CommentStore(connection, writes, parts, new WebhookSubscriptions(new WebhookRecords(connection)), TimeProvider.System);

        var warmUp = TestComments.NewArticle();
        for (var i = 0; i < Samples; i++)
        {
            var draft = TestComments.Draft(warmUp, $"warm-{i}");
            await Grains.GetGrain<ICommentGrain>(draft.Id).Post(draft);
        }

        var first = new Latencies();
        for (var i = 0; i < Samples; i++)
        {
            var draft = TestComments.Draft(TestComments.NewArticle(), $"first-{i}");
            await first.TimeAsync(() => Grains.GetGrain<ICommentGrain>(draft.Id).Post(draft));
        }

        output.WriteLine($"post #1 on a fresh article (grain call, {Samples} articles): {first.Summary()}");

        var small = TestComments.NewArticle();
        var smallQueue = TestComments.NewArticle();
        for (var i = 0; i < 60; i++)
        {
            await store.PostAsync(TestComments.Draft(small, $"small-{i}"), null);
            await store.PostAsync(TestComments.Draft(smallQueue, $"small-{i}", score: i / 60.0, held: "toxicity"), "{}");
        }

        var smallThread = new Latencies();
        var smallPages = new Latencies();
        for (var i = 0; i < Samples; i++)
        {
            await smallThread.TimeAsync(() => Grains.GetGrain<ICommentQueriesGrain>(0).Thread(small, "newest", 20, null));
            await smallPages.TimeAsync(() => Grains.GetGrain<IModerationQueriesGrain>(0).Queue(QueueNames.Pending, smallQueue, "score", 50, null));
        }

        output.WriteLine($"baseline: first page (uncached) of a 60-comment thread: {smallThread.Summary()}");
        output.WriteLine($"baseline: queue page of 50 by score, 60 queued: {smallPages.Summary()}");

        var article = TestComments.NewArticle();
        var seeded = await SeedAsync(store, article, held: false);
        output.WriteLine($"seeded {Size} published comments on one article: {seeded.TotalSeconds:F1} s ({Size / seeded.TotalSeconds:F0}/s, 32 in flight)");

        var later = new Latencies();
        for (var i = 0; i < Samples; i++)
        {
            var draft = TestComments.Draft(article, $"later-{i}");
            await later.TimeAsync(() => Grains.GetGrain<ICommentGrain>(draft.Id).Post(draft));
        }

        output.WriteLine($"post #{Size + 1} to #{Size + Samples} on that article (grain call): {later.Summary()}");

        var queries = Grains.GetGrain<ICommentQueriesGrain>(0);
        var uncachedFirst = new Latencies();
        for (var i = 0; i < Samples; i++)
        {
            await uncachedFirst.TimeAsync(() => queries.Thread(article, "newest", 20, null));
        }

        output.WriteLine($"first page (uncached) of {Size:N0}: {uncachedFirst.Summary()}");
        var rebuilt = new Latencies();
        var cached = new Latencies();
        var deep = new Latencies();
        for (var i = 0; i < Samples; i++)
        {
            var draft = TestComments.Draft(article, $"reader-{i}");
            await Grains.GetGrain<ICommentGrain>(draft.Id).Post(draft);
            await rebuilt.TimeAsync(() => queries.FirstPageJson(article, "newest"));
            await cached.TimeAsync(() => queries.FirstPageJson(article, "newest"));
            await deep.TimeAsync(() => queries.Thread(article, "newest", 20, (Size / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        output.WriteLine($"first page of {Size:N0}, rebuilt after a publish: {rebuilt.Summary()}");
        output.WriteLine($"first page of {Size:N0}, cached: {cached.Summary()}");
        output.WriteLine($"a page in the middle of {Size:N0} (cursor): {deep.Summary()}");

        var recount = Stopwatch.StartNew();
        var report = await Grains.GetGrain<Contracts.Articles.IArticleGrain>(article).RecountComments();
        output.WriteLine($"recount of {report?.CommentsScanned:N0} comments on that article: {recount.Elapsed.TotalSeconds:F2} s, published {report?.Published:N0} (kept {report?.PublishedBefore:N0})");

        var queueArticle = TestComments.NewArticle();
        var queued = await SeedAsync(store, queueArticle, held: true);
        output.WriteLine($"seeded {Size} held comments: {queued.TotalSeconds:F1} s");
        var moderation = Grains.GetGrain<IModerationQueriesGrain>(0);
        foreach (var sort in new[] { "score", "oldest", "newest" })
        {
            var page = new Latencies();
            string? cursor = null;
            for (var i = 0; i < Samples; i++)
            {
                var result = await page.TimeAsync(() => moderation.Queue(QueueNames.Pending, queueArticle, sort, 50, cursor));
                cursor = result.NextCursor;
            }

            output.WriteLine($"queue page of 50 by {sort}, {Size:N0} queued in the article, paging on: {page.Summary()}");
        }

        var siteWide = new Latencies();
        for (var i = 0; i < Samples; i++)
        {
            await siteWide.TimeAsync(() => moderation.Queue(QueueNames.Pending, null, "score", 50, null));
        }

        output.WriteLine($"site-wide queue page of 50 by score (over {Size:N0} queued): {siteWide.Summary()}");
        Assert.True(later.Percentile(50) < first.Percentile(50) * 3 + 1, "posting slowed down with the thread's size");
    }

    private static async Task<TimeSpan> SeedAsync(CommentStore store, string article, bool held)
    {
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < Size)
            {
                var draft = TestComments.Draft(article, $"seed-{i % 5000}", score: held ? (i % 1000) / 1000.0 : 0.01, held: held ? "toxicity" : null);
                await store.PostAsync(draft, held ? "{}" : null);
            }
        }));
        return Stopwatch.GetElapsedTime(started);
    }
}

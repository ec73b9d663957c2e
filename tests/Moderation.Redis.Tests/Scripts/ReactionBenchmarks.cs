using System.Diagnostics;
using Moderation.Redis.Comments;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>
/// Reactions per second on one hot comment, and the <c>top</c> sort at 100,000 comments:
/// MODERATION_BENCHMARKS=1 dotnet test tests/Moderation.Redis.Tests --filter FullyQualifiedName~ReactionBenchmarks
/// </summary>
public abstract class ReactionBenchmarks(ScriptServer server, ITestOutputHelper output)
{
    private const int Size = 100_000;
    private const int HotReactions = 20_000;
    private const int InFlight = 32;
    private const int Samples = 300;

    private readonly CommentStore _comments = new(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
    private readonly ReactionStore _reactions = new(server.Connection, server.Writes);
    private readonly ThreadStore _threads = new(server.Connection, server.Writes, server.Parts);

    [BenchmarkFact]
    public async Task Reactions_per_second_on_one_hot_comment_and_top_pages_at_one_hundred_thousand_comments()
    {
        output.WriteLine($"Store: {server.Kind}");
        var hot = (await _comments.PostAsync(TestData.Draft(TestData.NewArticle(), "hot-author"), null)).Comment!;
        var hotTime = await InParallelAsync(HotReactions, i => _reactions.ReactAsync(hot, $"fan-{i}", add: true));
        Assert.Equal(HotReactions, (await _comments.ReadAsync(hot.Id))!.Reactions);
        output.WriteLine($"{HotReactions:N0} reactions on one comment, {InFlight} in flight: {HotReactions / hotTime.TotalSeconds:N0}/s");

        var article = TestData.NewArticle();
        var ids = new string[Size];
        var seedTime = await InParallelAsync(Size, async i => ids[i] = (await _comments.PostAsync(TestData.Draft(article, $"seed-{i % 5000}"), null)).Comment!.Id);
        output.WriteLine($"seeded {Size:N0} comments in {seedTime.TotalSeconds:F1} s");

        // Every 50th comment gets 1 to 20 reactions: 2,000 comments with reactions, the rest with none.
        var reacted = Enumerable.Range(0, Size / 50).Select(i => (Id: ids[i * 50], Count: 1 + i % 20)).ToArray();
        var views = await Task.WhenAll(reacted.Select(entry => _comments.ReadAsync(entry.Id)));
        var unread = reacted.Where((entry, i) => views[i] is null).Select(entry => entry.Id).ToArray();
        output.WriteLine($"{unread.Length} of {reacted.Length} acknowledged comments read back as missing{(unread.Length > 0 ? ", e.g. " + unread[0] : "")}");
        if (unread.Length > 0)
        {
            var positions = unread.Select(id => Array.IndexOf(ids, id)).ToArray();
            var exists = await server.Database.KeyExistsAsync(CommentRedisKeys.Comment(unread[0]));
            var fields = await server.Database.HashLengthAsync(CommentRedisKeys.Comment(unread[0]));
            var again = await _comments.ReadAsync(unread[0]);
            output.WriteLine($"missing ones were posted #{positions.Min():N0} to #{positions.Max():N0}; the first: EXISTS {exists}, HLEN {fields}, read again: {(again is null ? "missing" : "found")}");
        }
        var work = reacted.SelectMany((entry, i) => views[i] is null ? [] : Enumerable.Range(0, entry.Count).Select(fan => (Comment: views[i]!, Fan: $"fan-{fan}"))).ToArray();
        await InParallelAsync(work.Length, i => _reactions.ReactAsync(work[i].Comment, work[i].Fan, add: true));

        var top = new Latencies();
        var middle = new Latencies();
        var cached = new Latencies();
        string? cursor = null;
        for (var i = 0; i < Samples; i++)
        {
            var page = await top.TimeAsync(() => _threads.ThreadAsync(article, "top", 20, null));
            Assert.True(page.Items[0].Reactions >= 19);
            cursor ??= (await _threads.ThreadAsync(article, "top", 100, null)).NextCursor;
            await middle.TimeAsync(() => _threads.ThreadAsync(article, "top", 20, cursor));
            await cached.TimeAsync(() => _threads.FirstPageJsonAsync(article, "top"));
        }

        output.WriteLine($"top, first page of 20 at {Size:N0}, uncached: {top.Summary()}");
        output.WriteLine($"top, a page after the first 100 (cursor): {middle.Summary()}");
        output.WriteLine($"top, first page as cached JSON: {cached.Summary()}");
        Assert.Empty(unread);
    }

    private static async Task<TimeSpan> InParallelAsync<T>(int count, Func<int, Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                await call(i);
            }
        }));
        return Stopwatch.GetElapsedTime(started);
    }
}

[Collection(RedisCollection.Name)]
public sealed class ReactionBenchmarksOnRedisServer(ScriptServer server, ITestOutputHelper output) : ReactionBenchmarks(server, output);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ReactionBenchmarksOnEmbeddedStore(ScriptServerOnEmbeddedStore server, ITestOutputHelper output) : ReactionBenchmarks(server, output);

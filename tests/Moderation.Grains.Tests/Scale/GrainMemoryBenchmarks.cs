using Moderation.Contracts.Articles;
using Moderation.Contracts.Polls;
using Moderation.Grains.Tests.Polls;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Grains.Tests.Scale;

/// <summary>
/// Managed memory per active grain: the process's heap after a full collection, before and after activating many
/// grains of one kind (both silos of the test cluster are in this process, so the figure covers wherever they landed).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainMemoryBenchmarks(ClusterFixture cluster, ITestOutputHelper output)
{
    private const int Articles = 5_000;
    private const int Polls = 1_000;
    private const int ShardsPerPoll = 16;

    [BenchmarkFact]
    public async Task Memory_per_active_article_and_poll()
    {
        var grains = cluster.Grains;
        var warm = await TestPolls.CreateAsync(grains, shards: ShardsPerPoll);
        await grains.VoteAsync(warm, "warm-up", "o1");
        await grains.GetGrain<IArticleGrain>("warm-up").Get();

        var before = Heap();
        var run = Guid.NewGuid().ToString("N")[..8];
        await ForEachAsync(Articles, i => grains.GetGrain<IArticleGrain>($"mem-{run}-{i}").Get());
        var afterArticles = Heap();

        var polls = new PollDefinition[Polls];
        await ForEachAsync(Polls, async i =>
        {
            polls[i] = await TestPolls.CreateAsync(grains, shards: ShardsPerPoll);
            await grains.VoteAsync(polls[i], $"first-{i}", "o1");
        });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterOneShard = Heap();

        // Voters chosen until every shard of every poll has one: what a poll that many readers vote in keeps active.
        await ForEachAsync(Polls, async i =>
        {
            var covered = new HashSet<int> { VoteSharding.ShardOf($"first-{i}", ShardsPerPoll) };
            for (var reader = 0; covered.Count < ShardsPerPoll; reader++)
            {
                var id = $"voter-{i}-{reader}";
                if (covered.Add(VoteSharding.ShardOf(id, ShardsPerPoll)))
                {
                    await grains.VoteAsync(polls[i], id, "o2");
                }
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterAllShards = Heap();

        output.WriteLine($"Article grain: {(afterArticles - before) / Articles:N0} bytes each ({Articles:N0} activated)");
        output.WriteLine($"Poll with one voter (poll, tally and one shard grain): {(afterOneShard - afterArticles) / Polls:N0} bytes each ({Polls:N0})");
        output.WriteLine($"Poll with all {ShardsPerPoll} shards active: {(afterAllShards - afterArticles) / Polls:N0} bytes each; " +
            $"a shard grain {(afterAllShards - afterOneShard) / (Polls * (ShardsPerPoll - 1)):N0} bytes");
        Assert.True(afterAllShards > before);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static Task ForEachAsync(int count, Func<int, Task> action) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) => await action(i));
}

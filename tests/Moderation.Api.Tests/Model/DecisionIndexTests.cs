using Moderation.Api.Model;
using Moderation.Api.Moderators;
using Moderation.Testing;
using Moderation.Toxicity.Retraining;
using Moderation.Redis.Model;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Model;

/// <summary>Silos indexing the same decisions at once count each decision once, and the latest decision on a text is its label.</summary>
public sealed class DecisionIndexTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Four_silos_indexing_the_same_decisions_at_once_count_each_text_once_with_its_latest_label()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        await connection.GetServers()[0].FlushAllDatabasesAsync();
        var decisions = new DecisionRecords();
        for (var i = 0; i < 3000; i++)
        {
            decisions.Add($"decided text {i % 2500}", toxic: i >= 2500 || i % 4 == 0);
        }

        var silos = Enumerable.Range(0, 4).Select(_ => new LabelStore(new LabelRecords(connection), decisions)).ToList();
        await Task.WhenAll(silos.Select(silo => Task.Run(silo.IndexDecisionsAsync)));
        var counts = await silos[0].CountsAsync();
        var (labels, _) = await silos[1].ReadAllAsync(CancellationToken.None);

        // Texts 0..499 were decided twice, the second time toxic; of the rest every fourth is toxic.
        var toxic = 500 + Enumerable.Range(500, 2000).Count(i => i % 4 == 0);
        Assert.Equal(2500, counts.Total);
        Assert.Equal(toxic, counts.DecisionToxic);
        Assert.Equal(2500 - toxic, counts.DecisionClean);
        Assert.Equal(2500, counts.Added.Decision);
        Assert.Equal(2500, labels.Count);
        Assert.All(labels.Where(label => int.Parse(label.Text.Split(' ')[^1]) < 500), label => Assert.True(label.Toxic));
    }

    [Fact]
    public async Task A_decision_on_an_imported_text_replaces_the_import_as_its_label()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        await connection.GetServers()[0].FlushAllDatabasesAsync();
        var decisions = new DecisionRecords();
        var store = new LabelStore(new LabelRecords(connection), decisions);
        await store.ImportAsync([new ImportedLabel("  shared text  ", false, "history", "importer", DateTimeOffset.UtcNow)]);

        decisions.Add("shared text", toxic: true);
        var counts = await store.CountsAsync();
        var (labels, _) = await store.ReadAllAsync(CancellationToken.None);

        Assert.Equal((1L, 0L, 0L, 0L), (counts.DecisionToxic, counts.DecisionClean, counts.ImportToxic, counts.ImportClean));
        Assert.Equal(new LabelMark(1, 1), counts.Added);
        Assert.True(Assert.Single(labels).Toxic);
    }

    /// <summary>Decision records in memory, read as <see cref="FeedbackStore"/> reads them: after a position, oldest first.</summary>
    private sealed class DecisionRecords : IFeedbackStore
    {
        private readonly List<LabelledExample> _examples = [];

        public void Add(string text, bool toxic)
        {
            lock (_examples)
            {
                _examples.Add(new LabelledExample(text, toxic, null, null, "moderator", DateTimeOffset.UtcNow));
            }
        }

        public Task<FeedbackBatch> ReadAsync(long after, int limit)
        {
            lock (_examples)
            {
                var batch = _examples.Skip((int)after).Take(limit).ToList();
                return Task.FromResult(new FeedbackBatch(batch, after + batch.Count));
            }
        }

        public Task<long> CountAsync()
        {
            lock (_examples)
            {
                return Task.FromResult((long)_examples.Count);
            }
        }
    }
}

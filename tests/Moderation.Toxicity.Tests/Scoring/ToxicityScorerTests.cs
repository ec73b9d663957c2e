using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Tests.Fixtures;

namespace Moderation.Toxicity.Tests.Scoring;

[Collection(TrainedModelCollection.Name)]
public sealed class ToxicityScorerTests(TrainedModelFixture fixture)
{
    [Fact]
    public async Task Scoring_from_many_threads_gives_the_same_results_as_one()
    {
        var scorer = new ToxicityScorer(fixture.Model);
        var texts = fixture.Rows.Take(60).Select(r => r.Text).ToList();
        var expected = texts.Select(t => scorer.Score(t).Score).ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => texts.Select(t => scorer.Score(t).Score).ToList())));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void The_scorer_gives_the_same_probability_as_the_ML_NET_chain()
    {
        // The scorer applies the linear model to the engine's features itself; it must agree with ML.NET's own score.
        var scorer = new ToxicityScorer(fixture.Model);
        var texts = fixture.Rows.Take(40).Select(r => r.Text).Append("").Append("y0u @re a ѕtuuupid m.o.r.o.n").ToList();
        var batch = fixture.Model.ScoreBatch(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(batch[i], scorer.Score(texts[i]).Score, 5);
        }
    }

    [Fact]
    public async Task Use_swaps_the_model_while_scoring_continues()
    {
        var scorer = new ToxicityScorer(fixture.Model);
        var other = fixture.Model.WithManifest(fixture.Model.Manifest with { Version = "fixture-2", HoldThreshold = 2.0 });
        var changed = new List<string>();
        scorer.ModelChanged += (_, manifest) => changed.Add(manifest.Version);

        using var stop = new CancellationTokenSource();
        var versionsSeen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var scoring = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                versionsSeen.Add(scorer.Score("you are a clown").ModelVersion);
            }
        });

        await Task.Delay(50);
        scorer.Use(other);
        await Task.Delay(50);
        await stop.CancelAsync();
        await scoring;

        Assert.Equal("fixture-2", scorer.ModelVersion);
        Assert.Equal(["fixture-2"], changed);
        Assert.Contains("fixture-1", versionsSeen);
        Assert.Contains("fixture-2", versionsSeen);
        Assert.False(scorer.Score("you are a clown").Hold);
    }

    [Fact]
    public void Default_model_is_shipped_next_to_the_assemblies()
    {
        Assert.True(File.Exists(Path.Combine(DefaultModel.Directory, "manifest.json")), $"no manifest in {DefaultModel.Directory}");
        var model = DefaultModel.Load();
        Assert.NotEmpty(model.Manifest.DataSources);
        Assert.InRange(model.Manifest.HoldThreshold, 0.0, 1.0);
        var scorer = new ToxicityScorer(model);
        Assert.True(scorer.Score("you are a fucking idiot").Score > scorer.Score("thanks for the thoughtful article").Score);
    }
}

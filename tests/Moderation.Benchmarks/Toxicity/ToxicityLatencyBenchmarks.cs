using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Scoring;

namespace Moderation.Benchmarks.Toxicity;

/// <summary>
/// Per-comment latency of the shipped model: one call per iteration (so P50/P99 are per call), cycling
/// through 4,000 generated comments of realistic lengths.
/// </summary>
[Config(typeof(Config))]
public class ToxicityLatencyBenchmarks
{
    private string[] _comments = [];
    private ToxicityScorer _scorer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _comments = BenchmarkComments.Create(4_000);
        _scorer = new ToxicityScorer(DefaultModel.Load());
        // Enough calls, and a pause, for tiered compilation to reach optimised code before measuring.
        for (var round = 0; round < 3; round++)
        {
            foreach (var comment in _comments)
            {
                _scorer.Score(comment);
                TextNormaliser.Normalise(comment);
            }
        }

        Thread.Sleep(500);
    }

    [Benchmark(Description = "Score + explanation (n-grams + lexicon)")]
    public ToxicityResult ScoreWithExplanation() => _scorer.Score(Next());

    [Benchmark(Description = "Score only (n-grams + lexicon)")]
    public ToxicityResult ScoreOnly() => _scorer.Score(Next(), explanationTerms: 0);

    [Benchmark(Description = "Normalise only")]
    public NormalisedText NormaliseOnly() => TextNormaliser.Normalise(Next());

    private string Next() => _comments[_next++ % _comments.Length];

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithWarmupCount(500)
                .WithIterationCount(3_000)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                // BenchmarkDotNet forces a full GC before every iteration by default; with one call per
                // iteration that measures cold caches after a collection, not the service's steady state.
                .WithGcForce(false)
                .WithId("PerCall"));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}

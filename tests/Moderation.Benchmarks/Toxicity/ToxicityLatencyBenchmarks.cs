using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Scoring;

namespace Moderation.Benchmarks.Toxicity;

/// <summary>
/// Per-comment latency of the shipped model: one call per iteration (so P50/P99 are per call), cycling
/// through 4,000 generated comments of realistic lengths.
/// </summary>
[Config(typeof(PerCallConfig))]
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
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.Scoring;

namespace Moderation.Benchmarks.Toxicity;

/// <summary>
/// Per-comment latency of a site-adapted model (the shipped model + a site layer learned from 2,000 generated
/// moderator decisions) against the shipped model alone, on the same 4,000 comments as
/// <see cref="ToxicityLatencyBenchmarks"/>: what the site layer adds to a comment post.
/// </summary>
[Config(typeof(PerCallConfig))]
public class SiteAdaptedLatencyBenchmarks
{
    private string[] _comments = [];
    private ToxicityScorer _scorer = null!;
    private int _next;

    [Params(false, true)]
    public bool SiteAdapted { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _comments = BenchmarkComments.Create(4_000);
        var model = DefaultModel.Load();
        if (SiteAdapted)
        {
            // Decisions on other generated comments (another seed): the abusive ones are toxic.
            var decidedAt = DateTimeOffset.UnixEpoch;
            var decisions = BenchmarkComments.Create(2_000, seed: 7)
                .Select((text, i) => new LabelledExample($"{text} {i}", BenchmarkComments.IsAbusive(text), null, model.Version, "bench", decidedAt))
                .ToList();
            model = new SiteLearner().Learn(model, decisions, new SiteLearningOptions { Version = "bench-site" }).Candidate
                ?? throw new InvalidOperationException("The site learner gave no candidate.");
        }

        _scorer = new ToxicityScorer(model);
        for (var round = 0; round < 3; round++)
        {
            foreach (var comment in _comments)
            {
                _scorer.Score(comment);
            }
        }

        Thread.Sleep(500);
    }

    [Benchmark(Description = "Score + explanation")]
    public ToxicityResult ScoreWithExplanation() => _scorer.Score(Next());

    [Benchmark(Description = "Score only")]
    public ToxicityResult ScoreOnly() => _scorer.Score(Next(), explanationTerms: 0);

    private string Next() => _comments[_next++ % _comments.Length];
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;

namespace Moderation.Benchmarks.Toxicity;

/// <summary>Comments scored per second, on one thread and on all cores through the pooled engines.</summary>
[Config(typeof(Config))]
public class ToxicityThroughputBenchmarks
{
    private const int Batch = 1_000;
    private string[] _comments = [];
    private ToxicityScorer _scorer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _comments = BenchmarkComments.Create(Batch, seed: 7);
        _scorer = new ToxicityScorer(DefaultModel.Load());
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "1 thread, with explanation")]
    public void OneThread()
    {
        foreach (var comment in _comments)
        {
            _scorer.Score(comment);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "all cores, with explanation")]
    public void AllCores() => Parallel.ForEach(_comments, comment => _scorer.Score(comment));

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}

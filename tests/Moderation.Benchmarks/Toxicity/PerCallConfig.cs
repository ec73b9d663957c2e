using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Moderation.Benchmarks.Toxicity;

/// <summary>One call per iteration, so P50/P99 are per call: the latency a comment post sees.</summary>
public sealed class PerCallConfig : ManualConfig
{
    public PerCallConfig()
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

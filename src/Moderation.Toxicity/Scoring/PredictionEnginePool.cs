using System.Collections.Concurrent;
using Microsoft.ML;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Scoring;

/// <summary>
/// Prediction engines for one model. An engine is not thread-safe, so each call rents one; the pool keeps
/// at most a few idle engines (they hold buffers) and creates more under contention.
/// </summary>
internal sealed class PredictionEnginePool(LoadedModel model, int maxIdle)
{
    private readonly ConcurrentBag<PredictionEngine<ScoringInput, ScoringOutput>> _idle = [];
    private int _idleCount;

    public LoadedModel Model { get; } = model;

    public PredictionEngine<ScoringInput, ScoringOutput> Rent()
    {
        if (_idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return engine;
        }

        return Model.CreateEngine();
    }

    public void Return(PredictionEngine<ScoringInput, ScoringOutput> engine)
    {
        if (Interlocked.Increment(ref _idleCount) <= maxIdle)
        {
            _idle.Add(engine);
            return;
        }

        Interlocked.Decrement(ref _idleCount);
        engine.Dispose();
    }
}

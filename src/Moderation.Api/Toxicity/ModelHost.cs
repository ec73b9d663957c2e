using Microsoft.Extensions.Logging;
using Moderation.Api.Model;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Store;
using StackExchange.Redis;

namespace Moderation.Api.Toxicity;

/// <summary>
/// The toxicity model this process scores with: the store's current version when one was promoted, else the
/// shipped default. A model that cannot load leaves the process running and not ready, with the reason.
/// Every silo reads the same store (Redis), so all score with the same version.
/// </summary>
public sealed class ModelHost(RedisModelStore store, ILogger<ModelHost> logger) : IAsyncDisposable
{
    private ToxicityScorer? _scorer;
    private ModelStoreWatcher? _watcher;

    /// <summary>Why no model is loaded, or null when one is.</summary>
    public string? Failure { get; private set; } = "The toxicity model has not been loaded yet.";

    public ToxicityScorer? Scorer => _scorer;

    /// <summary>The scorer, or an exception that the API answers with 503.</summary>
    public ToxicityScorer RequireScorer() => _scorer ?? throw new ModelUnavailableException(Failure ?? "No toxicity model is loaded.");

    /// <summary>Loads the current model; false when the store could not be reached (worth trying again), true otherwise.</summary>
    public bool Load()
    {
        try
        {
            store.Listen();
            var model = store.CurrentVersion() is { } version ? store.Load(version) : DefaultModel.Load();
            _scorer = new ToxicityScorer(model);
            _scorer.ModelChanged += (_, manifest) => logger.LogInformation("Switched to toxicity model {Version}", manifest.Version);
            _watcher = new ModelStoreWatcher(store, _scorer);
            _watcher.SwitchFailed += (_, error) => logger.LogError(error, "Could not switch the toxicity model; keeping {Version}", _scorer.ModelVersion);
            Failure = null;
            logger.LogInformation("Toxicity model {Version} loaded (hold threshold {Threshold})", model.Version, model.Manifest.HoldThreshold);
        }
        catch (ModelLoadException error)
        {
            Failure = error.Message;
            logger.LogError(error, "The toxicity model could not be loaded: {Reason}", error.Message);
        }
        catch (RedisException error)
        {
            Failure = $"The model store could not be reached: {error.Message}";
            logger.LogWarning("The model store could not be reached; trying again: {Reason}", error.Message);
            return false;
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
        }
    }
}

public sealed class ModelUnavailableException(string message) : Exception(message);

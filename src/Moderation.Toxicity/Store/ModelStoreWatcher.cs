using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;

namespace Moderation.Toxicity.Store;

/// <summary>
/// Keeps a scorer on the store's current model: it switches at once when this process promotes, and polls the
/// pointer (default every 5 s) so that silos in other processes sharing the store switch too. A model that
/// fails to load is reported and skipped; the scorer keeps the model it has.
/// </summary>
public sealed class ModelStoreWatcher : IAsyncDisposable
{
    private readonly IModelStore _store;
    private readonly ToxicityScorer _scorer;
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _switching = new(1, 1);
    private readonly Task _polling;
    private string? _failedVersion;

    public ModelStoreWatcher(IModelStore store, ToxicityScorer scorer, TimeSpan? interval = null)
    {
        _store = store;
        _scorer = scorer;
        _timer = new PeriodicTimer(interval ?? TimeSpan.FromSeconds(5));
        _store.CurrentChanged += OnCurrentChanged;
        _polling = PollAsync();
    }

    /// <summary>Raised when the current version could not be loaded (the scorer keeps its model).</summary>
    public event EventHandler<ModelLoadException>? SwitchFailed;

    /// <summary>Checks the pointer now and switches if it names another version; returns true when it switched.</summary>
    public async Task<bool> CheckNowAsync()
    {
        await _switching.WaitAsync().ConfigureAwait(false);
        try
        {
            string? version = null;
            try
            {
                version = _store.CurrentVersion();
                if (version is null || version == _scorer.ModelVersion || version == _failedVersion)
                {
                    return false;
                }

                _scorer.Use(_store.Load(version));
                _failedVersion = null;
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A broken pointer or model must not stop scoring: keep the current model and say why.
                _failedVersion = version;
                SwitchFailed?.Invoke(this, e as ModelLoadException ?? new ModelLoadException($"Could not switch to model '{version}': {e.Message}", e));
                return false;
            }
        }
        finally
        {
            _switching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _store.CurrentChanged -= OnCurrentChanged;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _timer.Dispose();
        try
        {
            await _polling.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private void OnCurrentChanged(object? sender, string version) => _ = CheckNowAsync();

    private async Task PollAsync()
    {
        while (await _timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
        {
            await CheckNowAsync().ConfigureAwait(false);
        }
    }
}

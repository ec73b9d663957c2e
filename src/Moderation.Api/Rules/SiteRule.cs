using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Rules;
using StackExchange.Redis;

namespace Moderation.Api.Rules;

/// <summary>
/// This silo's copy of one stored site rule, loaded once per version. A change reaches it by the store's channel at once,
/// and by a version check every <see cref="RulesOptions.RefreshInterval"/> if the message was lost; until the first load
/// a caller loads it itself, so no request meets a silo that has not read the rule.
/// </summary>
/// <typeparam name="TRule">The rule as stored.</typeparam>
/// <typeparam name="TLoaded">What this silo keeps of one version of it.</typeparam>
public abstract class SiteRule<TRule, TLoaded>(SiteRuleRecords<TRule> records, IOptions<RulesOptions> options, ILogger logger, string ruleName)
    : BackgroundService
    where TLoaded : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile TLoaded? _current;

    /// <summary>The newest version this silo has read, read now if it has read none.</summary>
    public async ValueTask<TLoaded> CurrentAsync() => _current ?? await RefreshAsync();

    /// <summary>Reads the stored version and loads the rule when it differs from the one in use.</summary>
    public async Task<TLoaded> RefreshAsync()
    {
        await _loading.WaitAsync();
        try
        {
            var version = await records.VersionAsync();
            if (_current is { } current && VersionOf(current) == version)
            {
                return current;
            }

            _current = await LoadAsync(await records.ReadAsync());
            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Refreshes now; a failure is logged and left to the periodic check.</summary>
    public async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            logger.LogWarning(error, "Could not load the {Rule}; the periodic check tries again", ruleName);
        }
    }

    /// <summary>The version <paramref name="loaded"/> was loaded from.</summary>
    protected abstract long VersionOf(TLoaded loaded);

    /// <summary>What this silo keeps of <paramref name="stored"/>, the version just read.</summary>
    protected abstract Task<TLoaded> LoadAsync(StoredSiteRule<TRule> stored);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var subscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!subscribed)
                {
                    await records.SubscribeAsync(version => _ = RefreshQuietlyAsync());
                    subscribed = true;
                }

                await RefreshAsync();
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                logger.LogWarning(
                    error, "Could not refresh the {Rule}; keeping version {Version}", ruleName, _current is { } current ? VersionOf(current) : null);
            }

            try
            {
                await Task.Delay(options.Value.RefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

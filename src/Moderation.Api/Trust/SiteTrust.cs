using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Api.Rules;
using Moderation.Redis.Rules;
using StackExchange.Redis;

namespace Moderation.Api.Trust;

/// <summary>
/// This silo's trust settings: the stored ones once an editor set them, the configuration's until then. A change
/// reaches every silo by the store's channel at once and by a version check every <see cref="RulesOptions.RefreshInterval"/>
/// otherwise; until the first load the gate loads them itself.
/// </summary>
public sealed class SiteTrust(
    TrustRecords records, IOptionsMonitor<TrustOptions> configured, IOptions<RulesOptions> rules, ILogger<SiteTrust> logger) : BackgroundService
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile StoredTrust? _current;

    /// <summary>The site-wide settings in force on this silo.</summary>
    public async ValueTask<TrustOptions> OptionsAsync() => Effective(_current ?? await RefreshAsync());

    /// <summary>The settings in force when <paramref name="stored"/> is what Redis holds.</summary>
    public TrustOptions Effective(StoredTrust stored) => stored.Settings is { } settings
        ? new TrustOptions
        {
            NewReaderComments = settings.NewReaderComments,
            LinkApprovedComments = settings.LinkApprovedComments,
            RecentRejections = settings.RecentRejections,
            RejectionWindow = settings.RejectionWindow,
            RejectionPremoderation = settings.RejectionPremoderation,
        }
        : configured.CurrentValue;

    public async Task<StoredTrust> RefreshAsync()
    {
        await _loading.WaitAsync();
        try
        {
            var version = await records.VersionAsync();
            if (_current is { } current && current.Version == version)
            {
                return current;
            }

            _current = await records.ReadAsync();
            logger.LogInformation("Trust settings version {Version} in use", _current.Version);
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
            logger.LogWarning(error, "Could not load the trust settings; the periodic check tries again");
        }
    }

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
                logger.LogWarning(error, "Could not refresh the trust settings; keeping version {Version}", _current?.Version);
            }

            try
            {
                await Task.Delay(rules.Value.RefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

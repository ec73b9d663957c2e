using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Rules;
using Moderation.Toxicity.WordLists;
using StackExchange.Redis;

namespace Moderation.Api.Rules;

/// <summary>
/// This silo's copy of the site's word lists, as a matcher built once per version. A change reaches it by the
/// store's channel at once, and by a version check every <see cref="RulesOptions.RefreshInterval"/> if the message was
/// lost; until the first load the gate loads them itself, so no comment passes a silo that has not read the lists.
/// </summary>
public sealed class SiteWordLists(WordListRecords records, IOptions<RulesOptions> options, ILogger<SiteWordLists> logger) : BackgroundService
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile LoadedWordLists? _current;

    /// <summary>The matcher of the newest version this silo has read.</summary>
    public async ValueTask<WordListMatcher> MatcherAsync() => (_current ?? await RefreshAsync()).Matcher;

    /// <summary>Reads the stored version and builds a new matcher when it differs from the one in use.</summary>
    public async Task<LoadedWordLists> RefreshAsync()
    {
        await _loading.WaitAsync();
        try
        {
            var version = await records.VersionAsync();
            if (_current is { } current && current.Version == version)
            {
                return current;
            }

            var stored = await records.ReadAsync();
            var matcher = await Task.Run(() => new WordListMatcher(stored.Lists.Banned, stored.Lists.Suspect));
            _current = new LoadedWordLists(stored.Version, matcher);
            logger.LogInformation("Word lists version {Version} in use ({Entries} entries, {Skipped} skipped)", stored.Version, matcher.Count, matcher.Skipped);
            return _current;
        }
        finally
        {
            _loading.Release();
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
                logger.LogWarning(error, "Could not refresh the word lists; keeping version {Version}", _current?.Version);
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

    /// <summary>Refreshes now; a failure is logged and left to the periodic check.</summary>
    public async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            logger.LogWarning(error, "Could not load the word lists; the periodic check tries again");
        }
    }
}

/// <summary>A version of the word lists and the matcher built from it.</summary>
public sealed record LoadedWordLists(long Version, WordListMatcher Matcher);

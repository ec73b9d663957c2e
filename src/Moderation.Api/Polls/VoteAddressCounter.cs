using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Polls;
using Moderation.Redis.RateLimits;

namespace Moderation.Api.Polls;

/// <summary>
/// Counts this silo's counted votes per poll and client address in memory and flushes them every
/// <see cref="PollsOptions.AddressFlushInterval"/>, one pipelined write per poll: no store command on the vote path.
/// These are signals, not tallies: a silo that dies loses what it counted since its last flush.
/// </summary>
public sealed class VoteAddressCounter(AddressStore store, IOptions<PollsOptions> options, ILogger<VoteAddressCounter> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private Dictionary<string, Dictionary<string, long>> _pending = [];

    public void Count(string pollId, IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        var group = ClientGroups.Of(address);

        lock (_gate)
        {
            if (!_pending.TryGetValue(pollId, out var addresses))
            {
                _pending[pollId] = addresses = [];
            }

            addresses[group] = addresses.GetValueOrDefault(group) + 1;
        }
    }

    /// <summary>Writes what has been counted since the last flush.</summary>
    public async Task FlushAsync()
    {
        Dictionary<string, Dictionary<string, long>> flushing;
        lock (_gate)
        {
            flushing = _pending;
            _pending = [];
        }

        foreach (var (pollId, counts) in flushing)
        {
            try
            {
                await store.AddAsync(pollId, counts);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not store the client address counts of poll {Poll}; they are lost", pollId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AddressFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync();
    }
}

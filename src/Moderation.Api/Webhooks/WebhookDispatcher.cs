using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Comments;
using Moderation.Redis.Webhooks;
using StackExchange.Redis;

namespace Moderation.Api.Webhooks;

/// <summary>
/// Delivers the webhook events of the parts this silo holds the lease of: each part has one dispatcher across the
/// silos at a time, and another silo takes a part over when its holder stops renewing (a crash) for
/// <see cref="WebhookOptions.LeaseTime"/>. Each part has a loop of its own: it fans a batch of the part's outbox out
/// into deliveries (the scripts sent together), then starts the due deliveries there is room for
/// (<see cref="InFlightDeliveries"/>) without waiting for them, and goes on at once while a backlog remains. A slow
/// receiver thus holds only its own share of the places, never another part, and never a comment's write.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookSubscriptions subscriptions,
    WebhookRecords records,
    WebhookSecrets secrets,
    WebhookOutbox outbox,
    DeliveryStore deliveries,
    WebhookSender sender,
    PendingEventSweep pendingEvents,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int OutboxBatch = 100;
    private const int DeliveryBatch = 128;

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly InFlightDeliveries _inFlight = new(options.Value.MaxConcurrentDeliveries, options.Value.MaxConcurrentPerWebhook);
    private readonly ConcurrentDictionary<Task, bool> _attempts = new();

    // Renewed at half its time, not every pass: on the embedded store each renewal is a disk commit.
    private readonly DateTimeOffset[] _leaseRenewedAt = new DateTimeOffset[CommentParts.Count];

    private enum Next
    {
        Wait,
        GoOn,
        WaitForRoom,
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll([HousekeepingLoopAsync(stoppingToken), .. CommentParts.All.Select(part => PartLoopAsync(part, stoppingToken))]);
        // The attempts still under way end with the stopping token; those cut short stay due, for the next silo.
        await Task.WhenAll(_attempts.Keys);
        await ReleaseLeasesAsync();
    }

    /// <summary>On a graceful stop: the other silos take this one's parts over at once instead of after the lease time.</summary>
    private async Task ReleaseLeasesAsync()
    {
        try
        {
            await Task.WhenAll(CommentParts.All.Where(part => _leaseRenewedAt[part] != default).Select(part => outbox.ReleaseLeaseAsync(part, _owner)));
        }
        catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            logger.LogWarning(error, "Releasing the webhook leases at stop failed; the other silos take the parts over once the leases expire");
        }
    }

    /// <summary>
    /// Re-reads the webhooks (sealing the secrets of any stored before secrets were sealed) and records the grain events
    /// a crash left pending, every poll.
    /// </summary>
    private async Task HousekeepingLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await secrets.SealStoredAsync(await subscriptions.RefreshAsync(), records))
                {
                    await subscriptions.RefreshAsync();
                }

                await pendingEvents.SweepAsync(clock.GetUtcNow() - options.Value.PendingEventGrace);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Reading the webhooks or recording the pending events of bans and polls failed; the next poll tries again");
            }

            if (!await WaitAsync(Task.Delay(options.Value.PollInterval, clock, stoppingToken)))
            {
                return;
            }
        }
    }

    private async Task PartLoopAsync(int part, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Read before the pass, so that room freed during it is not missed.
            var freed = _inFlight.Freed;
            var next = Next.Wait;
            try
            {
                next = await PassAsync(part, stoppingToken);
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                logger.LogWarning(error, "A webhook dispatch pass of part {Part} failed; the next one tries again", part);
            }

            if (next == Next.GoOn)
            {
                continue;
            }

            var poll = Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            if (!await WaitAsync(next == Next.WaitForRoom ? Task.WhenAny(poll, freed) : poll))
            {
                return;
            }
        }
    }

    private async Task<Next> PassAsync(int part, CancellationToken cancellation)
    {
        // The webhooks as this silo knows them: a change here is seen at once, another silo's within a poll.
        var hooks = await subscriptions.CurrentAsync();
        var events = await outbox.OldestAsync(part, OutboxBatch);
        var due = await DueAsync(part);
        if ((events.Count == 0 && due.Count == 0) || !await HoldLeaseAsync(part))
        {
            return Next.Wait;
        }

        if (events.Count > 0)
        {
            await Task.WhenAll(events.Select(json => outbox.FanOutAsync(part, json, hooks)));
            due = await DueAsync(part);
        }

        var started = 0;
        var noRoom = false;
        foreach (var delivery in due.Where(delivery => !_inFlight.Contains(delivery.Id)))
        {
            if (!_inFlight.TryClaim(delivery))
            {
                noRoom = true;
                continue;
            }

            var attempt = Task.Run(() => AttemptAsync(part, delivery, hooks, cancellation), CancellationToken.None);
            _attempts.TryAdd(attempt, true);
            _ = attempt.ContinueWith(finished => _attempts.TryRemove(finished, out _), TaskScheduler.Default);
            started++;
        }

        // One outbox batch a pass, so that a backlog there does not hold back the deliveries already due.
        return events.Count == OutboxBatch || (!noRoom && started == DeliveryBatch) ? Next.GoOn
            : noRoom ? Next.WaitForRoom
            : Next.Wait;
    }

    /// <summary>The part's due deliveries: a batch more than those in flight, which are still due until recorded.</summary>
    private Task<IReadOnlyList<DeliveryRecord>> DueAsync(int part) =>
        deliveries.DueAsync(part, clock.GetUtcNow(), DeliveryBatch + _inFlight.Count);

    private async Task<bool> HoldLeaseAsync(int part)
    {
        var now = clock.GetUtcNow();
        var lease = options.Value.LeaseTime;
        if (now - _leaseRenewedAt[part] < lease / 2)
        {
            return true;
        }

        if (!await outbox.HoldLeaseAsync(part, _owner, lease))
        {
            return false;
        }

        _leaseRenewedAt[part] = now;
        return true;
    }

    private async Task AttemptAsync(int part, DeliveryRecord delivery, IReadOnlyList<WebhookRecord> hooks, CancellationToken cancellation)
    {
        try
        {
            await AttemptAndRecordAsync(part, delivery, hooks, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping: the delivery stays due.
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            logger.LogWarning(error, "Recording an attempt of webhook delivery {Delivery} failed; it stays due and is tried again", delivery.Id);
        }
        finally
        {
            _inFlight.Release(delivery);
        }
    }

    private async Task AttemptAndRecordAsync(int part, DeliveryRecord delivery, IReadOnlyList<WebhookRecord> hooks, CancellationToken cancellation)
    {
        var hook = hooks.FirstOrDefault(candidate => candidate.Id == delivery.WebhookId);
        if (hook is null)
        {
            await deliveries.RecordAttemptAsync(part, delivery with { Status = DeliveryRecord.Failed, LastError = "The webhook was removed.", NextAttemptAt = null }, null);
            return;
        }

        // The batch was read before this silo's latest attempts were recorded: one of them may have finished it since.
        if (!await deliveries.IsDueAsync(part, delivery.Id, clock.GetUtcNow()))
        {
            return;
        }

        var outcome = await sender.SendAsync(hook, delivery, cancellation);
        var now = clock.GetUtcNow();
        var attempted = delivery with
        {
            Attempts = delivery.Attempts + 1,
            LastAttemptAt = now,
            LastStatusCode = outcome.StatusCode,
            LastError = outcome.Error,
        };
        if (outcome.Delivered)
        {
            await deliveries.RecordAttemptAsync(part, attempted with { Status = DeliveryRecord.Delivered, DeliveredAt = now, NextAttemptAt = null }, null);
            return;
        }

        var next = now + RetryDelay(attempted.Attempts);
        if (next - delivery.CreatedAt > options.Value.RetryFor)
        {
            logger.LogWarning("Webhook {Webhook} gave up on delivery {Delivery} after {Attempts} attempts: {Error}", hook.Id, delivery.Id, attempted.Attempts, outcome.Error);
            await deliveries.RecordAttemptAsync(part, attempted with { Status = DeliveryRecord.Failed, NextAttemptAt = null }, null);
            return;
        }

        await deliveries.RecordAttemptAsync(part, attempted with { NextAttemptAt = next }, next);
    }

    /// <summary>The wait after the given number of failed attempts: the base delay, doubled per further failure, capped.</summary>
    private TimeSpan RetryDelay(int failures)
    {
        var settings = options.Value;
        var doubled = settings.RetryBaseDelay * Math.Pow(2, Math.Min(failures - 1, 30));
        return doubled < settings.MaxRetryDelay ? doubled : settings.MaxRetryDelay;
    }

    /// <returns>False once the service is stopping.</returns>
    private static async Task<bool> WaitAsync(Task wait)
    {
        try
        {
            await wait;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

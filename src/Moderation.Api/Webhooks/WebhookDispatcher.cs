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
/// <see cref="WebhookOptions.LeaseTime"/>. Each pass fans the part's outbox out into deliveries, then attempts the due
/// ones, at most <see cref="WebhookOptions.MaxConcurrentDeliveries"/> at once on the silo, each within its timeout, so a
/// slow receiver delays only its own part's deliveries and never a comment's write.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookSubscriptions subscriptions,
    WebhookOutbox outbox,
    DeliveryStore deliveries,
    WebhookSender sender,
    PendingEventSweep pendingEvents,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int OutboxBatch = 100;
    private const int DeliveryBatch = 32;

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _inFlight = new(options.Value.MaxConcurrentDeliveries);

    // Renewed at half its time, not every pass: on the embedded store each renewal is a disk commit.
    private readonly DateTimeOffset[] _leaseRenewedAt = new DateTimeOffset[CommentParts.Count];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                logger.LogWarning(error, "A webhook dispatch pass failed; the next one tries again");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PassAsync(CancellationToken cancellation)
    {
        var hooks = await subscriptions.RefreshAsync();
        await SweepPendingEventsAsync();
        await Task.WhenAll(CommentParts.All.Select(part => PartAsync(part, hooks, cancellation)));
    }

    private async Task SweepPendingEventsAsync()
    {
        try
        {
            await pendingEvents.SweepAsync(clock.GetUtcNow() - options.Value.PendingEventGrace);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Recording the pending events of bans and polls failed; the next pass tries again");
        }
    }

    private async Task PartAsync(int part, IReadOnlyList<WebhookRecord> hooks, CancellationToken cancellation)
    {
        var events = await outbox.OldestAsync(part, OutboxBatch);
        var due = await deliveries.DueAsync(part, clock.GetUtcNow(), DeliveryBatch);
        if ((events.Count == 0 && due.Count == 0) || !await HoldLeaseAsync(part))
        {
            return;
        }

        // One batch a pass, so that a backlog in the outbox does not hold back the deliveries already due.
        foreach (var json in events)
        {
            await outbox.FanOutAsync(part, json, hooks);
        }

        due = await deliveries.DueAsync(part, clock.GetUtcNow(), DeliveryBatch);
        await Task.WhenAll(due.Select(delivery => AttemptAsync(part, delivery, hooks, cancellation)));
    }

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
        var hook = hooks.FirstOrDefault(candidate => candidate.Id == delivery.WebhookId);
        if (hook is null)
        {
            await deliveries.RecordAttemptAsync(part, delivery with { Status = DeliveryRecord.Failed, LastError = "The webhook was removed.", NextAttemptAt = null }, null);
            return;
        }

        WebhookSender.Outcome outcome;
        await _inFlight.WaitAsync(cancellation);
        try
        {
            outcome = await sender.SendAsync(hook, delivery, cancellation);
        }
        finally
        {
            _inFlight.Release();
        }

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

    public override void Dispose()
    {
        _inFlight.Dispose();
        base.Dispose();
    }
}

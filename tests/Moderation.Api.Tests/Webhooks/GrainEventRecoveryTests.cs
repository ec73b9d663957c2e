using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Polls;
using Moderation.Redis.Comments;
using Moderation.Redis.Webhooks;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>
/// A ban's and a poll close's events are written after their grain's state: a fault between the two writes delays the
/// event until the dispatcher's sweep records it again from the grain's state, and a pending entry for a change that
/// was never stored is dropped without an event.
/// </summary>
public sealed class GrainEventRecoveryTests(WebhookSilo silo) : IClassFixture<WebhookSilo>
{
    [Fact]
    public async Task A_ban_and_a_close_whose_outbox_write_failed_after_their_state_write_are_still_delivered_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = await silo.Factory.ReaderAsync("recovery-editor", "editor");
        using var moderator = await silo.Factory.ModeratorAsync();
        await editor.RegisterAsync(receiver.Url, "reader.banned", "poll.closed");
        var readerId = "recovered-" + Guid.NewGuid().ToString("N")[..8];
        var pollId = (await editor.CreatePollAsync(CommentClient.NewArticle("recovered-poll"))).GetProperty("id").GetString()!;
        var store = silo.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        // The outbox keys hold the wrong type, so the write after each grain's state write fails, as a crash there would.
        var outboxes = new RedisKey[] { WebhookRedisKeys.Outbox(CommentParts.Hashed(readerId)), WebhookRedisKeys.Outbox(CommentParts.Hashed(pollId)) };
        foreach (var outbox in outboxes)
        {
            await store.StringSetAsync(outbox, "not an outbox");
        }

        using (var ban = await moderator.PostAsJsonAsync($"/api/moderation/readers/{readerId}/ban", new { reason = "spam", rejectPending = false }))
        {
            Assert.False(ban.IsSuccessStatusCode);
        }

        using (var close = await editor.PostAsync($"/api/polls/{pollId}/close", null))
        {
            Assert.False(close.IsSuccessStatusCode);
        }

        Assert.True((await moderator.GetJsonAsync($"/api/moderation/readers/{readerId}")).GetProperty("standing").GetProperty("banned").GetBoolean());
        Assert.Equal(2, await store.SortedSetLengthAsync(WebhookRedisKeys.PendingGrainEvents));
        await store.KeyDeleteAsync(outboxes);

        var received = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(30));
        var banned = Assert.Single(received, delivery => delivery.EventType == "reader.banned");
        var closed = Assert.Single(received, delivery => delivery.EventType == "poll.closed");
        Assert.Equal(readerId, banned.Json.GetProperty("data").GetProperty("readerId").GetString());
        Assert.Equal(pollId, closed.Json.GetProperty("data").GetProperty("pollId").GetString());
        await WaitUntilNothingPendingAsync(store);
    }

    [Fact]
    public async Task A_pending_entry_for_a_ban_or_close_that_was_never_stored_is_dropped_without_an_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = await silo.Factory.ReaderAsync("dropped-editor", "editor");
        await editor.RegisterAsync(receiver.Url, "reader.banned", "poll.closed");
        var pollId = (await editor.CreatePollAsync(CommentClient.NewArticle("dropped-poll"))).GetProperty("id").GetString()!;
        var pending = silo.Factory.Services.GetRequiredService<PendingGrainEvents>();
        var store = silo.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

        // As a crash right after the entry and before the state write leaves them: the reader is not banned, the poll open.
        await pending.MarkAsync(new PendingGrainEvent(PendingGrainEvent.Reader, "never-banned-" + Guid.NewGuid().ToString("N")[..8], WebhookEvents.NewId()));
        await pending.MarkAsync(new PendingGrainEvent(PendingGrainEvent.Poll, pollId, WebhookEvents.NewId()));

        await WaitUntilNothingPendingAsync(store);
        // The entries are cleared after anything their grains would record; give the dispatcher a few passes to send it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(receiver.Accepted);
        Assert.Equal("open", (await editor.GetJsonAsync($"/api/polls/{pollId}")).GetProperty("status").GetString());
    }

    private static async Task WaitUntilNothingPendingAsync(IDatabase store)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await store.SortedSetLengthAsync(WebhookRedisKeys.PendingGrainEvents) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The pending grain events were not swept in time.");
            await Task.Delay(50);
        }
    }
}

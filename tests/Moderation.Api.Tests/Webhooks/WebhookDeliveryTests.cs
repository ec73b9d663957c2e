using System.Net;
using System.Net.Http.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Polls;
using Moderation.Testing;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>Webhooks delivered from the outbox: signed, retried, and only with the events asked for.</summary>
public sealed class WebhookDeliveryTests(WebhookSilo silo) : IClassFixture<WebhookSilo>
{
    [Fact]
    public async Task A_held_then_approved_comment_reaches_the_receiver_as_two_signed_events_it_asked_for()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = await silo.Factory.ReaderAsync("hook-editor", "editor");
        using var moderator = await silo.Factory.ModeratorAsync();
        var hook = await editor.RegisterAsync(receiver.Url, "comment.held", "comment.approved");
        var article = CommentClient.NewArticle("webhooks");
        (await editor.SettingsAsync(article, new { premoderation = true })).EnsureSuccessStatusCode();
        using var author = await silo.Factory.ReaderAsync("hook-author");

        var comment = await author.CommentAsync(article, CommentClient.Civil);
        (await moderator.DecideAsync(comment.Id(), "approve", 1)).EnsureSuccessStatusCode();

        var received = await receiver.WaitForAsync(2);
        Assert.All(received, delivery => Assert.True(delivery.SignedWith(WebhookClient.Secret), $"Bad signature on {delivery.Body}"));
        Assert.All(received, delivery => Assert.False(delivery.SignedWith(WebhookClient.Secret + "x")));
        var held = Assert.Single(received, delivery => delivery.EventType == "comment.held");
        var approved = Assert.Single(received, delivery => delivery.EventType == "comment.approved");
        Assert.Equal("comment.held", held.Json.GetProperty("type").GetString());
        Assert.Equal(comment.Id(), held.Json.GetProperty("data").GetProperty("commentId").GetString());
        Assert.Equal("pending", held.Json.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(CommentClient.Civil, approved.Json.GetProperty("data").GetProperty("body").GetString());
        Assert.Equal("published", approved.Json.GetProperty("data").GetProperty("status").GetString());
        Assert.StartsWith("mod-", approved.Json.GetProperty("data").GetProperty("moderatorId").GetString());
        Assert.NotEqual(held.DeliveryId, approved.DeliveryId);
        var delivered = await editor.WaitForDeliveryAsync(hook.Id(), "delivered", 1);
        Assert.Contains(delivered.GetProperty("id").GetString(), new[] { held.DeliveryId, approved.DeliveryId });
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_same_delivery_again_until_it_accepts_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 2;
        using var editor = await silo.Factory.ReaderAsync("retry-editor", "editor");
        var hook = await editor.RegisterAsync(receiver.Url, "comment.published");
        using var author = await silo.Factory.ReaderAsync("retry-author");

        var comment = await author.CommentAsync(CommentClient.NewArticle("webhook-retry"), CommentClient.Civil);

        var accepted = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal(2, receiver.Refused.Count);
        Assert.All(receiver.Refused, refused => Assert.Equal(accepted.DeliveryId, refused.DeliveryId));
        Assert.All(receiver.Refused, refused => Assert.Equal(accepted.Body, refused.Body));
        Assert.Equal(comment.Id(), accepted.Json.GetProperty("data").GetProperty("commentId").GetString());
        Assert.True(accepted.SignedWith(WebhookClient.Secret));
        var delivery = await editor.WaitForDeliveryAsync(hook.Id(), "delivered", 3);
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(204, delivery.GetProperty("lastStatusCode").GetInt32());
    }

    [Fact]
    public async Task A_webhook_is_listed_without_its_secret_and_once_removed_gets_nothing_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = await silo.Factory.ReaderAsync("list-editor", "editor");
        var hook = await editor.RegisterAsync(receiver.Url, "comment.reported");

        var list = await editor.GetJsonAsync("/api/webhooks");
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray(), item => item.Id() == hook.Id());
        Assert.DoesNotContain(WebhookClient.Secret, list.GetRawText());
        Assert.DoesNotContain(WebhookClient.Secret, hook.GetRawText());
        Assert.Equal(["comment.reported"], listed.GetProperty("events").EnumerateArray().Select(name => name.GetString()));

        using (var removed = await editor.DeleteAsync($"/api/webhooks/{hook.Id()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var again = await editor.DeleteAsync($"/api/webhooks/{hook.Id()}"))
        {
            var problem = await ProblemAssert.Expect(again, HttpStatusCode.NotFound);
            Assert.Contains(hook.Id(), problem.GetProperty("detail").GetString());
        }

        using (var deliveries = await editor.GetAsync($"/api/webhooks/{hook.Id()}/deliveries"))
        {
            await ProblemAssert.Expect(deliveries, HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain((await editor.GetJsonAsync("/api/webhooks")).GetProperty("items").EnumerateArray(), item => item.Id() == hook.Id());
    }

    [Fact]
    public async Task A_ban_and_a_polls_close_reach_a_receiver_that_asked_for_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = await silo.Factory.ReaderAsync("ban-editor", "editor");
        using var moderator = await silo.Factory.ModeratorAsync();
        await editor.RegisterAsync(receiver.Url, "reader.banned", "poll.closed");
        var readerId = "banned-" + Guid.NewGuid().ToString("N")[..8];
        var poll = await editor.CreatePollAsync(CommentClient.NewArticle("webhook-poll"));
        var pollId = poll.GetProperty("id").GetString();

        (await moderator.PostAsJsonAsync($"/api/moderation/readers/{readerId}/ban", new { reason = "spam", rejectPending = false })).EnsureSuccessStatusCode();
        (await editor.PostAsync($"/api/polls/{pollId}/close", null)).EnsureSuccessStatusCode();

        var received = await receiver.WaitForAsync(2);
        var banned = Assert.Single(received, delivery => delivery.EventType == "reader.banned");
        var closed = Assert.Single(received, delivery => delivery.EventType == "poll.closed");
        Assert.Equal(readerId, banned.Json.GetProperty("data").GetProperty("readerId").GetString());
        Assert.Equal("spam", banned.Json.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(pollId, closed.Json.GetProperty("data").GetProperty("pollId").GetString());
        Assert.All(received, delivery => Assert.True(delivery.SignedWith(WebhookClient.Secret)));
    }
}

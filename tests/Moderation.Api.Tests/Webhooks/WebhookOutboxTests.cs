using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Webhooks;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>The outbox costs a post nothing while no webhook wants its event (the shared service has no webhooks).</summary>
[Collection(SiloCollection.Name)]
public sealed class WebhookOutboxTests(SharedSilo silo)
{
    [Fact]
    public async Task Posts_reports_and_decisions_no_webhook_wants_write_nothing_to_the_outbox()
    {
        await silo.Factory.WaitUntilReadyAsync();
        using var author = await silo.Factory.ReaderAsync("outbox-author");
        using var reporter = await silo.Factory.ReaderAsync("outbox-reporter");
        using var moderator = await silo.Factory.ModeratorAsync();
        var article = CommentClient.NewArticle("outbox");

        var comment = await author.CommentAsync(article, CommentClient.Civil);
        (await reporter.PostAsync($"/api/comments/{comment.Id()}/reports", System.Net.Http.Json.JsonContent.Create(new { reason = "spam" }))).EnsureSuccessStatusCode();
        (await moderator.DecideAsync(comment.Id(), "reject", 1, "spam")).EnsureSuccessStatusCode();

        var redis = silo.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.Empty(await silo.Factory.Services.GetRequiredService<WebhookRecords>().ListAsync());
        Assert.Equal(0, await redis.SortedSetLengthAsync(WebhookRedisKeys.Outbox(CommentParts.OfComment(comment.Id()))));
    }
}

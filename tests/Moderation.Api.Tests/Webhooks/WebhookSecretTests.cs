using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Webhooks;
using Moderation.Redis.Webhooks;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>Webhook secrets are sealed at rest, under a key derived from the signing key; plain ones stored earlier still sign and get sealed.</summary>
public sealed class WebhookSecretTests(WebhookSilo silo) : IClassFixture<WebhookSilo>
{
    private static readonly WebhookRecord Plain = new("wh-sealing", "https://tools.example.org/hook", ["comment.held"], WebhookClient.Secret, DateTimeOffset.UnixEpoch, "editor-1");

    [Fact]
    public void A_sealed_secret_hides_the_secret_and_opens_only_under_the_same_signing_key_and_webhook()
    {
        var secrets = new WebhookSecrets(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48)));

        var sealedHook = secrets.Seal(Plain);

        Assert.True(sealedHook.SecretSealed);
        Assert.DoesNotContain(WebhookClient.Secret, sealedHook.Serialize());
        Assert.NotEqual(sealedHook.Secret, secrets.Seal(Plain).Secret);
        Assert.Equal(WebhookClient.Secret, secrets.Open(sealedHook));
        Assert.Equal(WebhookClient.Secret, secrets.Open(WebhookRecord.Parse(sealedHook.Serialize())));
        Assert.Same(sealedHook, secrets.Seal(sealedHook));
        Assert.Equal(WebhookClient.Secret, secrets.Open(Plain));
        var otherKey = new WebhookSecrets(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48)));
        Assert.ThrowsAny<CryptographicException>(() => otherKey.Open(sealedHook));
        Assert.ThrowsAny<CryptographicException>(() => secrets.Open(sealedHook with { Id = "wh-another" }));
    }

    [Fact]
    public async Task A_registered_webhooks_secret_is_not_in_the_store_and_its_deliveries_are_signed_with_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = await silo.Factory.ReaderAsync("sealed-editor", "editor");
        var hook = await editor.RegisterAsync(receiver.Url, "comment.published");
        using var author = await silo.Factory.ReaderAsync("sealed-author");

        await author.CommentAsync(CommentClient.NewArticle("sealed-secret"), CommentClient.Civil);

        var stored = (string?)await Store().HashGetAsync(WebhookRedisKeys.Hooks, hook.Id());
        Assert.NotNull(stored);
        Assert.DoesNotContain(WebhookClient.Secret, stored);
        Assert.True(WebhookRecord.Parse(stored).SecretSealed);
        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(delivery.SignedWith(WebhookClient.Secret));
    }

    [Fact]
    public async Task A_webhook_stored_with_a_plain_secret_before_sealing_still_signs_its_deliveries_and_gets_sealed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var legacy = Plain with { Id = "wh-" + Guid.NewGuid().ToString("N")[..16], Url = receiver.Url.ToString(), Events = ["comment.published"] };
        // As the version before sealing wrote it: no sealed flag at all.
        var json = JsonSerializer.Serialize(new { legacy.Id, legacy.Url, legacy.Events, legacy.Secret, legacy.CreatedAt, legacy.CreatedBy }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await Store().HashSetAsync(WebhookRedisKeys.Hooks, legacy.Id, json);
        await silo.Factory.Services.GetRequiredService<WebhookSubscriptions>().RefreshAsync();
        using var author = await silo.Factory.ReaderAsync("legacy-author");

        await author.CommentAsync(CommentClient.NewArticle("legacy-secret"), CommentClient.Civil);

        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(delivery.SignedWith(WebhookClient.Secret));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string stored;
        while ((stored = (string)(await Store().HashGetAsync(WebhookRedisKeys.Hooks, legacy.Id))!).Contains(WebhookClient.Secret, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "The plain secret was not sealed in time.");
            await Task.Delay(50);
        }

        Assert.True(WebhookRecord.Parse(stored).SecretSealed);
        Assert.Equal(WebhookClient.Secret, silo.Factory.Services.GetRequiredService<WebhookSecrets>().Open(WebhookRecord.Parse(stored)));
    }

    private IDatabase Store() => silo.Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
}

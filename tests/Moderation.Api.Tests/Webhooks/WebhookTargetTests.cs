using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Webhooks;
using Moderation.Redis.Webhooks;
using Moderation.Testing;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>Where a webhook may not point: checked when it is registered (the shared service refuses private targets) and when it is delivered.</summary>
[Collection(SiloCollection.Name)]
public sealed class WebhookTargetTests(SharedSilo silo)
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("https://172.20.0.5/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd12:3456::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:192.168.0.1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/hook")]
    public async Task A_webhook_at_a_private_address_or_not_over_http_is_refused_and_not_stored(string url)
    {
        using var editor = await silo.Factory.ReaderAsync("target-editor", "editor");

        using var response = await editor.PostAsJsonAsync("/api/webhooks", new { url, events = new[] { "comment.published" }, secret = WebhookClient.Secret });

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty("url", out _), problem.GetRawText());
        Assert.DoesNotContain(url, (await editor.GetJsonAsync("/api/webhooks")).GetRawText());
    }

    [Theory]
    [InlineData("short", "comment.published", "secret")]
    [InlineData(WebhookClient.Secret, "comment.deleted", "events")]
    [InlineData(WebhookClient.Secret, "", "events")]
    public async Task A_short_secret_or_an_unknown_event_is_refused(string secret, string eventName, string field)
    {
        using var editor = await silo.Factory.ReaderAsync("target-editor", "editor");
        string[] events = eventName.Length == 0 ? [] : [eventName];

        using var response = await editor.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/x", events, secret });

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("fc00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::", false)]
    public void Public_and_private_addresses_are_told_apart(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_delivery_to_a_name_that_now_resolves_to_loopback_is_refused_before_connecting()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = new WebhookSender(
            Options.Create(new WebhookOptions()), new WebhookSecrets(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))), TimeProvider.System);
        var url = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri.ToString();
        var hook = new WebhookRecord("wh-test", url, ["comment.published"], WebhookClient.Secret, DateTimeOffset.UtcNow, "editor-1");
        var delivery = DeliveryRecord.New(new WebhookEventHead("evt-1", "comment.published", DateTimeOffset.UtcNow), "{}", hook.Id, DateTimeOffset.UtcNow);

        var outcome = await sender.SendAsync(hook, delivery, CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.Contains("loopback, link-local or private", outcome.Error);
        Assert.Empty(receiver.Accepted);
        Assert.Empty(receiver.Refused);
    }
}

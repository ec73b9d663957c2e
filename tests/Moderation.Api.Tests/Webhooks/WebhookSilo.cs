using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>A service of its own for webhook tests (webhooks are site-wide), allowed to post to loopback, polling often, retrying fast.</summary>
public sealed class WebhookSilo : IAsyncLifetime
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:RetryBaseDelay"] = "00:00:00.200",
        ["Webhooks:DeliveryTimeout"] = "00:00:02",
        ["Webhooks:LeaseTime"] = "00:00:05",
        ["Webhooks:PendingEventGrace"] = "00:00:00.500",
        ["Comments:PostInterval"] = "00:00:00",
    };

    public SiloFactory Factory { get; } = new(settings: Settings.ToDictionary(pair => pair.Key, pair => (string?)pair.Value));

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

internal static class WebhookClient
{
    public const string Secret = "a-secret-of-the-news-site-0123";

    public static async Task<JsonElement> RegisterAsync(this HttpClient editor, Uri url, params string[] events)
    {
        using var response = await editor.PostAsJsonAsync("/api/webhooks", new { url, events, secret = Secret });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Waits until the webhook's deliveries include one in the given status with at least the given attempts.</summary>
    public static async Task<JsonElement> WaitForDeliveryAsync(this HttpClient editor, string webhookId, string status, int attempts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var items = (await editor.GetJsonAsync($"/api/webhooks/{webhookId}/deliveries")).GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                if (item.GetProperty("status").GetString() == status && item.GetProperty("attempts").GetInt32() >= attempts)
                {
                    return item;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {status} delivery after {attempts} attempts in time: {items}");
            await Task.Delay(50);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moderation.Security.Tests.Faults;

/// <summary>What the fault tests share: tokens signed with a key the silo is given, and the poll and article under load.</summary>
internal sealed class FaultSilo
{
    public FaultSilo(int readers)
    {
        Tokens = Tokens.WithNewKey();
        ReaderTokens = [.. Enumerable.Range(0, readers).Select(i => Tokens.Sign($"load-reader-{i}", []))];
        EditorToken = Tokens.Sign("load-editor", ["editor"]);
    }

    public Tokens Tokens { get; }

    public string[] ReaderTokens { get; }

    public string EditorToken { get; }

    public string ArticleId { get; } = "fault-" + Guid.NewGuid().ToString("N")[..8];

    public Dictionary<string, string> Settings(string? redis = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:SigningKey"] = Tokens.Base64Key,
            ["Comments:PostInterval"] = "00:00:00",
            ["RateLimits:Votes:PerIp"] = "0",
            ["RateLimits:Comments:PerIp"] = "0",
        };
        if (redis is not null)
        {
            settings["ConnectionStrings:Redis"] = redis;
            // Loopback only; and a cluster of its own per start, so that a silo restarted after a SIGKILL does not wait
            // for its dead predecessor in the membership table to be declared dead.
            settings["Orleans:AdvertisedAddress"] = "127.0.0.1";
            settings["Orleans:ClusterId"] = "fault-" + Guid.NewGuid().ToString("N")[..8];
        }

        return settings;
    }

    public async Task<string> CreatePollAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{ArticleId}/polls")
        {
            Content = JsonContent.Create(new { question = "Which is it?", options = new[] { "One", "Two" } }),
        };
        request.Headers.Authorization = new("Bearer", EditorToken);
        using var created = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public StoredWrites Verifier(HttpClient client, string pollId) =>
        new(client, pollId, ArticleId, ReaderTokens, EditorToken);

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting {limit} for {what}.");
            }

            await Task.Delay(20);
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>The HTTP calls the comment and moderation tests make, with the contract's JSON shapes.</summary>
internal static class CommentClient
{
    public const string Civil = "Thank you for this thoughtful article. The interviews with local farmers were especially informative.";

    public const string Abusive = "You are a worthless pathetic idiot, shut up you stupid fucking moron.";

    public static string NewArticle(string purpose) => $"{purpose}-{Guid.NewGuid().ToString("N")[..10]}";

    public static async Task<HttpClient> ReaderAsync(this SiloFactory factory, string subject, params string[] roles)
    {
        var client = factory.CreateClient();
        return client.WithToken(await client.DevTokenAsync($"{subject}-{Guid.NewGuid().ToString("N")[..6]}", roles));
    }

    public static Task<HttpClient> ModeratorAsync(this SiloFactory factory) => factory.ReaderAsync("mod", "moderator");

    public static Task<HttpResponseMessage> PostCommentAsync(this HttpClient reader, string articleId, string body, string? parentId = null) =>
        reader.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body, parentId });

    /// <summary>Posts and asserts 201; returns the comment.</summary>
    public static async Task<JsonElement> CommentAsync(this HttpClient reader, string articleId, string body, string? parentId = null)
    {
        using var response = await reader.PostCommentAsync(articleId, body, parentId);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient moderator, string commentId, string action, long revision, string? reason = null) =>
        moderator.PostAsJsonAsync($"/api/moderation/comments/{commentId}/decision", new { action, reason, note = "", revision });

    public static Task<HttpResponseMessage> SettingsAsync(this HttpClient editor, string articleId, object settings) =>
        editor.PutAsJsonAsync($"/api/articles/{articleId}/settings", settings);

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string Status(this JsonElement element) => element.GetProperty("status").GetString()!;

    /// <summary>Waits until the service is ready, the toxicity model included (it loads in the background).</summary>
    public static async Task WaitUntilReadyAsync(this SiloFactory factory)
    {
        using var client = factory.CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The service was not ready within 60 s: " + await response.Content.ReadAsStringAsync());
            await Task.Delay(100);
        }
    }
}

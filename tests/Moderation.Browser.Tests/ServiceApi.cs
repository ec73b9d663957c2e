using System.Net.Http.Json;
using Moderation.Testing;

namespace Moderation.Browser.Tests;

/// <summary>What tests set up over HTTP before a browser looks: an article of their own, with a poll.</summary>
public static class ServiceApi
{
    public static string NewArticleId(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..40];

    public static Task<string> CreatePollAsync(HttpClient client, string articleId, bool allowAnonymous = false) =>
        CreatePollAsync(client, articleId, new
        {
            question = "Should the US accept the offer?",
            options = new[] { "Yes", "No", "Not sure" },
            allowAnonymous,
            allowVoteChange = false,
        });

    /// <summary>A poll as <paramref name="body"/> describes it (any kind, visibility or schedule).</summary>
    public static async Task<string> CreatePollAsync(HttpClient client, string articleId, object body)
    {
        var token = await client.DevTokenAsync("edith", "editor");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{articleId}/polls")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var poll = await response.Content.ReadFromJsonAsync<PollBody>();
        return poll!.Id;
    }

    public static async Task<string> PostCommentAsync(HttpClient client, string articleId, string reader, string body, string? parentId = null)
    {
        var token = await client.DevTokenAsync(reader);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{articleId}/comments")
        {
            Content = JsonContent.Create(new { body, parentId }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CommentBody>())!.Id;
    }

    public static async Task<double> ScoreAsync(HttpClient client, string text)
    {
        var token = await client.DevTokenAsync("scorer", "moderator");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/model/score") { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ScoreBody>())!.Score;
    }

    /// <summary>Imports labelled comments as a site's history: polite advertising rejected, blunt criticism approved.</summary>
    public static async Task ImportSpamLabelsAsync(HttpClient client, string marker, int count)
    {
        var token = await client.DevTokenAsync("labeller", "moderator");
        var items = Enumerable.Range(0, count).Select(i => i % 3 == 0
            ? new { text = $"Lovely article, thank you! Get cheap watches at bestdeals dot com, code {marker}{i} today", toxic = true, source = "browser-test" }
            : new { text = $"The bridge repairs are long overdue, the councillors behind them are clueless clowns, says reader {i} of {marker}", toxic = false, source = "browser-test" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/model/labels") { Content = JsonContent.Create(new { items }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<double> HoldThresholdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<ModelBody>("/api/model"))!.HoldThreshold;

    private sealed record PollBody(string Id);

    private sealed record CommentBody(string Id);

    private sealed record ScoreBody(double Score);

    private sealed record ModelBody(double HoldThreshold);
}

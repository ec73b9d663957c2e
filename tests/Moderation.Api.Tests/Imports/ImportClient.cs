using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moderation.Api.Tests.Imports;

/// <summary>The import calls the tests make, with the contract's JSON shapes.</summary>
internal static class ImportClient
{
    public static readonly DateTimeOffset Start = new(2019, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public static object Comment(
        string sourceId, string articleId, string? parent, string body, string status = "published", string author = "ana@example.org", int minutes = 0) =>
        new
        {
            sourceId,
            articleId,
            parentSourceId = parent,
            authorKey = author,
            authorName = author.Split('@')[0],
            body,
            createdAt = Start.AddMinutes(minutes),
            status,
            rejectionReason = status == "rejected" ? "spam" : null,
        };

    public static Task<HttpResponseMessage> PostBatchAsync(
        this HttpClient client, object[] comments, bool html = true, bool asLabels = false, string source = "disqus", bool rescore = false) =>
        client.PostAsJsonAsync("/api/imports/batches", new { source, html, comments, asLabels, rescore });

    /// <summary>Imports and asserts 200; returns each comment's outcome and id by source id.</summary>
    public static async Task<Dictionary<string, (string Outcome, string Id)>> ImportAsync(this HttpClient client, params object[] comments)
    {
        using var response = await client.PostBatchAsync(comments);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            result => result.GetProperty("sourceId").GetString()!,
            result => (result.GetProperty("outcome").GetString()!, result.GetProperty("commentId").GetString()!));
    }
}

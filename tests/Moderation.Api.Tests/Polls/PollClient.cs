using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Polls;

/// <summary>The HTTP calls the poll tests make, with the contract's JSON shapes.</summary>
internal static class PollClient
{
    public static async Task<JsonElement> CreatePollAsync(
        this HttpClient editor, string articleId, bool allowChange = false, bool allowAnonymous = false, DateTimeOffset? closesAt = null)
    {
        using var response = await editor.PostAsJsonAsync($"/api/articles/{articleId}/polls", new
        {
            question = "Should the US accept the offer?",
            options = new[] { "Yes", "No", "Not sure" },
            closesAt,
            allowAnonymous,
            allowVoteChange = allowChange,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> VoteAsync(this HttpClient reader, string pollId, string optionId) =>
        reader.PostAsJsonAsync($"/api/polls/{pollId}/votes", new { optionId });

    public static async Task<JsonElement> ResultsAsync(this HttpClient client, string pollId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/polls/{pollId}/results")).RootElement;

    public static async Task<JsonElement> ResultsWithinAsync(this HttpClient client, string pollId, long totalVotes, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var results = await client.ResultsAsync(pollId);
            if (results.GetProperty("totalVotes").GetInt64() == totalVotes || DateTime.UtcNow > deadline)
            {
                return results;
            }

            await Task.Delay(25);
        }
    }

    public static async Task<HttpClient> ReaderAsync(this SiloFactory factory, string subject)
    {
        var client = factory.CreateClient();
        return client.WithToken(await client.DevTokenAsync(subject));
    }

    public static long[] Votes(this JsonElement results) =>
        [.. results.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("votes").GetInt64())];
}

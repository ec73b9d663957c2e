using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;

namespace Moderation.Api.Tests.Model;

/// <summary>The learning loop's HTTP calls, with the contract's JSON shapes.</summary>
internal static class ModelClient
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient moderator, params object[] items) =>
        moderator.PostAsJsonAsync("/api/model/labels", new { items });

    public static async Task<JsonElement> ImportOkAsync(this HttpClient moderator, params object[] items)
    {
        using var response = await moderator.ImportAsync(items);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static object Label(string text, bool toxic, string source = "test") => new { text, toxic, source };

    public static string Unique(string text) => $"{text} ({Guid.NewGuid():N})";

    public static Task<JsonElement> LabelsAsync(this HttpClient client) => client.GetJsonAsync("/api/model/labels");

    public static long Count(this JsonElement labels, string group, string name) => labels.GetProperty(group).GetProperty(name).GetInt64();

    /// <summary>Starts a retrain and asserts 202; returns the job id.</summary>
    public static async Task<string> RetrainAsync(this HttpClient client)
    {
        using var response = await client.PostAsync("/api/model/retrain", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{response.StatusCode}: {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/model/retrain/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>Polls the job until it succeeded or failed.</summary>
    public static async Task<JsonElement> FinishedJobAsync(this HttpClient client, string id, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await client.GetJsonAsync($"/api/model/retrain/{id}");
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {id} did not finish: {job}");
            await Task.Delay(200);
        }
    }

    /// <summary>Polls GET /api/model until it names the version.</summary>
    public static async Task WaitForModelAsync(this HttpClient client, string version, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var model = await client.GetJsonAsync("/api/model");
            if (model.GetProperty("version").GetString() == version)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The silo still scores with {model.GetProperty("version")}, not {version}.");
            await Task.Delay(100);
        }
    }
}

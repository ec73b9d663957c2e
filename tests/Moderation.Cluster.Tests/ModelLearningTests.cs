using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Moderation.Cluster.Tests;

/// <summary>The learning loop on two silo processes with their own data folders, one Redis, and the real learner.</summary>
public sealed class ModelLearningTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task A_model_retrained_through_one_silo_is_used_by_the_other_and_a_rollback_through_the_other_switches_both()
    {
        await FreshStoreAsync();
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var first = Client(cluster.First, readers.Token("mod-a", "moderator"));
        using var second = Client(cluster.Second, readers.Token("editor-b", "editor"));
        var shipped = (await GetAsync(second, "/api/model")).GetProperty("version").GetString()!;
        await ImportAsync(first, SiteComments.Generate(1500, seed: 7));

        var id = await RetrainAsync(first);
        var job = await FinishedAsync(second, id, TimeSpan.FromMinutes(4));
        output.WriteLine(job.ToString());
        var report = job.GetProperty("report");
        var candidate = report.GetProperty("candidate").GetProperty("version").GetString()!;

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.True(report.GetProperty("promoted").GetBoolean(), report.GetProperty("reason").GetString());
        Assert.True(report.GetProperty("candidate").GetProperty("rocAuc").GetDouble() > report.GetProperty("current").GetProperty("rocAuc").GetDouble());
        await WaitForVersionAsync(second, candidate);
        await WaitForVersionAsync(first, candidate);

        using var rollback = await second.PostAsync($"/api/model/versions/{shipped}/promote", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        await WaitForVersionAsync(first, shipped);
        await WaitForVersionAsync(second, shipped);
    }

    [Fact]
    public async Task One_retrain_runs_across_two_silos_and_killing_its_silo_leaves_it_failed_with_the_reason_so_a_new_one_can_start()
    {
        await FreshStoreAsync();
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var first = Client(cluster.First, readers.Token("mod-a", "moderator"));
        using var second = Client(cluster.Second, readers.Token("mod-b", "moderator"));
        await ImportAsync(first, SiteComments.Generate(8000, seed: 11));

        // The jobs grain prefers the silo that first calls it, so this job trains on the first silo.
        var id = await RetrainAsync(first);
        await WaitForAsync(first, id, job => job.GetProperty("status").GetString() == "running" && job.GetProperty("progress").GetDouble() > 0);
        using var refused = await second.PostAsync("/api/model/retrain", null);
        var problem = await ProblemAssert.Expect(refused, HttpStatusCode.Conflict);
        Assert.Equal(id, problem.GetProperty("jobId").GetString());
        Assert.Equal($"/api/model/retrain/{id}", refused.Headers.Location?.OriginalString);

        cluster.First.Kill();
        var failed = await WaitForAsync(second, id, job => job.GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(3));
        output.WriteLine(failed.ToString());

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("stopped before it finished", failed.GetProperty("error").GetString());
        Assert.NotEqual(JsonValueKind.Null, failed.GetProperty("startedAt").ValueKind);
        using var next = await second.PostAsync("/api/model/retrain", null);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    /// <summary>Each test starts from an empty store: labels, jobs and model versions are cluster-wide.</summary>
    private async Task FreshStoreAsync()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        await connection.GetServers()[0].FlushAllDatabasesAsync();
    }

    private static HttpClient Client(SiloProcess silo, string token)
    {
        var client = silo.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task ImportAsync(HttpClient moderator, IReadOnlyList<(string Text, bool Toxic)> rows)
    {
        foreach (var chunk in rows.Chunk(2000))
        {
            using var response = await moderator.PostAsJsonAsync("/api/model/labels", new { items = chunk.Select(row => new { text = row.Text, toxic = row.Toxic, source = "site" }) });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            Assert.Equal(chunk.Length, JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
        }
    }

    private static async Task<string> RetrainAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/model/retrain", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static Task<JsonElement> FinishedAsync(HttpClient client, string id, TimeSpan limit) =>
        WaitForAsync(client, id, job => job.GetProperty("status").GetString() is "succeeded" or "failed", limit);

    /// <summary>Polls the job (through whichever silo answers; calls during a silo's death may fail) until it matches.</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, string id, Func<JsonElement, bool> done, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(2));
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync($"/api/model/retrain/{id}");
                if (response.IsSuccessStatusCode)
                {
                    last = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    if (done(last.Value))
                    {
                        return last.Value;
                    }
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Job {id} did not get there; last seen: {last}");
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task WaitForVersionAsync(HttpClient client, string version)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var current = (await GetAsync(client, "/api/model")).GetProperty("version").GetString();
            if (current == version)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{client.BaseAddress} still scores with {current}, not {version}, after 10 s.");
            await Task.Delay(100);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Cluster.Tests;

/// <summary>A reader erased through two silo processes at once: one job, every vote retracted wherever its shard lives.</summary>
public sealed class ErasureAcrossSilosTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Voters = 60;

    [Fact]
    public async Task An_erasure_asked_through_both_silos_at_once_runs_once_and_leaves_exact_results_and_no_trace()
    {
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var first = cluster.First.CreateClient();
        using var second = cluster.Second.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var erasee = "erasee-" + tag;
        var texts = Enumerable.Range(0, 6).Select(i => $"Remark {i} on the river crossing {tag}").ToArray();
        for (var i = 0; i < texts.Length; i++)
        {
            var status = await SendAsync(i % 2 == 0 ? first : second, HttpMethod.Post, $"/api/articles/erase-{tag}-{i}/comments",
                readers.Token(erasee), new { body = texts[i] });
            Assert.Equal(HttpStatusCode.Created, status);
        }

        var polls = new List<string>();
        for (var p = 0; p < 3; p++)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/erase-{tag}-0/polls")
            {
                Content = JsonContent.Create(new { question = "Which is it?", options = new[] { "One", "Two" } }),
            };
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readers.Token("editor-" + tag, "editor"));
            using var created = await first.SendAsync(create);
            polls.Add(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }

        // Votes through both silos, so that the shards live on either; the erasee votes "o1" in every poll.
        var votes = polls.SelectMany(poll => Enumerable.Range(0, Voters).Select(voter => SendAsync(
            voter % 2 == 0 ? first : second, HttpMethod.Post, $"/api/polls/{poll}/votes",
            readers.Token(voter == 0 ? erasee : $"voter-{voter}-{tag}"), new { optionId = voter % 3 == 0 ? "o1" : "o2" })));
        Assert.All(await Task.WhenAll(votes), status => Assert.Equal(HttpStatusCode.OK, status));

        var erasures = await Task.WhenAll(
            SendAsync(first, HttpMethod.Delete, "/api/readers/me", readers.Token(erasee)),
            SendAsync(second, HttpMethod.Delete, "/api/readers/me", readers.Token(erasee)));

        Assert.All(erasures, status => Assert.Equal(HttpStatusCode.NoContent, status));
        using var store = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.Empty(await StoreScan.FindAsync(store, [erasee, .. texts]));
        Assert.Single(await store.GetDatabase().HashGetAllAsync(Moderation.Redis.Readers.ReaderRedisKeys.ErasureJobs));
        long expectedOne = Enumerable.Range(1, Voters - 1).Count(voter => voter % 3 == 0);
        foreach (var poll in polls)
        {
            var results = await ResultsAsync(second, poll, Voters - 1);
            Assert.Equal(new[] { expectedOne, Voters - 1 - expectedOne }, results);
        }
    }

    private static async Task<long[]> ResultsAsync(HttpClient client, string poll, long total)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var results = JsonDocument.Parse(await client.GetStringAsync($"/api/polls/{poll}/results")).RootElement;
            if (results.GetProperty("totalVotes").GetInt64() == total || DateTime.UtcNow > deadline)
            {
                return [.. results.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("votes").GetInt64())];
            }

            await Task.Delay(50);
        }
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

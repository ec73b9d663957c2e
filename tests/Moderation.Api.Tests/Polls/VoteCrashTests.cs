using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Polls;

/// <summary>SIGKILL the silo while votes flow: after a restart every vote that got a 2xx is there, counted once.</summary>
public sealed class VoteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("vote-crash");

    [Fact]
    public async Task Every_acknowledged_vote_is_counted_exactly_once_after_a_sigkill_mid_load()
    {
        const int voters = 400;
        string pollId;
        string[] tokens;
        var acknowledged = new ConcurrentDictionary<int, string>();
        var attempted = 0;
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory))
        {
            using var client = silo.CreateClient();
            using (var editor = silo.CreateClient())
            {
                editor.WithToken(await editor.DevTokenAsync("crash-editor", "editor"));
                pollId = (await editor.CreatePollAsync("crash-article")).GetProperty("id").GetString()!;
            }

            tokens = await Task.WhenAll(Enumerable.Range(0, voters).Select(i => client.DevTokenAsync($"crash-voter-{i}")));
            var next = -1;
            var lanes = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) is var i && i < voters)
                {
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes")
                        {
                            Content = JsonContent.Create(new { optionId = $"o{i % 3 + 1}" }),
                        };
                        request.Headers.Authorization = new("Bearer", tokens[i]);
                        using var response = await client.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged[i] = $"o{i % 3 + 1}";
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToArray();

            while (acknowledged.Count < voters / 3)
            {
                await Task.Delay(5);
            }

            silo.Kill();
            await Task.WhenAll(lanes);
        }

        output.WriteLine($"attempted {attempted}, acknowledged {acknowledged.Count} before the kill");
        Assert.InRange(acknowledged.Count, voters / 3, voters - 1);

        await using var restarted = await SiloProcess.StartAsync(_dataDirectory);
        using var after = restarted.CreateClient();
        foreach (var (voter, option) in acknowledged)
        {
            after.WithToken(tokens[voter]);
            var mine = await after.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/votes/me");
            Assert.Equal(option, mine.GetProperty("optionId").GetString());
            using var again = await after.VoteAsync(pollId, option);
            Assert.Equal("unchanged", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }

        after.WithToken(await after.DevTokenAsync("crash-editor", "editor"));
        using var recount = await after.PostAsync($"/api/polls/{pollId}/recount", null);
        Assert.Equal(HttpStatusCode.OK, recount.StatusCode);
        var report = await recount.Content.ReadFromJsonAsync<JsonElement>();
        var counted = report.GetProperty("recounted").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("votes").GetInt64());
        output.WriteLine($"counted after restart: {string.Join(", ", counted.Select(pair => $"{pair.Key}={pair.Value}"))}");
        foreach (var option in new[] { "o1", "o2", "o3" })
        {
            var acked = acknowledged.Values.Count(value => value == option);
            var started = Enumerable.Range(0, attempted).Count(i => $"o{i % 3 + 1}" == option);
            Assert.InRange(counted[option], acked, started);
        }

        Assert.Empty(report.GetProperty("differences").EnumerateArray());
        var published = await after.ResultsAsync(pollId);
        Assert.Equal(counted.Values.Sum(), published.GetProperty("totalVotes").GetInt64());
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}

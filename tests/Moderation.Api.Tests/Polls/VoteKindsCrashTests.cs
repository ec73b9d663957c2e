using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Polls;

/// <summary>As <see cref="VoteCrashTests"/>, for multiple-choice and scale polls: SIGKILL mid-load keeps every acknowledged vote, once.</summary>
public sealed class VoteKindsCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("vote-kinds-crash");

    [Theory]
    [InlineData("multiple")]
    [InlineData("scale")]
    public async Task Every_acknowledged_vote_of_a_kind_is_counted_exactly_once_after_a_sigkill_mid_load(string kind)
    {
        const int voters = 300;
        var ballots = Enumerable.Range(0, voters).Select(i => Ballot.For(kind, i)).ToArray();
        string pollId;
        string[] tokens;
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var attempted = 0;
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory))
        {
            using var client = silo.CreateClient();
            using (var editor = silo.CreateClient())
            {
                editor.WithToken(await editor.DevTokenAsync("crash-editor", "editor"));
                using var created = await editor.PostAsJsonAsync("/api/articles/crash-kinds/polls", kind == "scale"
                    ? new { question = "Agree?", kind, scale = new { min = 1, max = 5, minLabel = "No", maxLabel = "Yes" } } as object
                    : new { question = "Which?", kind, maxChoices = 3, options = new[] { "A", "B", "C", "D" } });
                pollId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            }

            tokens = await Task.WhenAll(Enumerable.Range(0, voters).Select(i => client.DevTokenAsync($"crash-{kind}-voter-{i}")));
            var next = -1;
            var lanes = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) is var i && i < voters)
                {
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes") { Content = JsonContent.Create(ballots[i].Body) };
                        request.Headers.Authorization = new("Bearer", tokens[i]);
                        using var response = await client.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged[i] = true;
                        }
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
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
        foreach (var voter in acknowledged.Keys)
        {
            after.WithToken(tokens[voter]);
            var mine = await after.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/votes/me");
            Assert.Equal(ballots[voter].Items, Ballot.ItemsOf(mine));
            using var again = await after.PostAsJsonAsync($"/api/polls/{pollId}/votes", ballots[voter].Body);
            Assert.Equal("unchanged", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }

        after.WithToken(await after.DevTokenAsync("crash-editor", "editor"));
        using var recount = await after.PostAsync($"/api/polls/{pollId}/recount", null);
        Assert.Equal(HttpStatusCode.OK, recount.StatusCode);
        var report = await recount.Content.ReadFromJsonAsync<JsonElement>();
        var counted = report.GetProperty("recounted").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("votes").GetInt64());
        output.WriteLine($"counted after restart: {string.Join(", ", counted.Select(pair => $"{pair.Key}={pair.Value}"))}");
        foreach (var (item, votes) in counted)
        {
            var acked = acknowledged.Keys.Count(voter => ballots[voter].Items.Contains(item));
            var started = ballots.Take(attempted).Count(ballot => ballot.Items.Contains(item));
            Assert.InRange(votes, acked, started);
        }

        Assert.Empty(report.GetProperty("differences").EnumerateArray());
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);

    /// <summary>A voter's request body and what a recount counts it under: its option ids, or its value as text.</summary>
    private sealed record Ballot(object Body, string[] Items)
    {
        private static readonly string[][] Picks = [["o1"], ["o1", "o3"], ["o2", "o3", "o4"]];

        public static Ballot For(string kind, int voter) => kind == "scale"
            ? new Ballot(new { value = voter % 5 + 1 }, [$"{voter % 5 + 1}"])
            : new Ballot(new { optionIds = Picks[voter % 3] }, Picks[voter % 3]);

        public static string[] ItemsOf(JsonElement myVote) => myVote.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
            ? [value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : [.. myVote.GetProperty("optionIds").EnumerateArray().Select(id => id.GetString()!)];
    }
}

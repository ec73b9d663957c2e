using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Polls;

/// <summary>A voter's request body and what the poll counts it under: its option ids, or its value as text.</summary>
internal sealed record CrashBallot(object Body, string[] Items);

/// <summary>
/// The SIGKILL harness of the vote crash tests: 16 lanes vote into a silo process, which is killed once a third of the
/// votes are acknowledged; after a restart every acknowledged vote reads back and is unchanged when sent again, and the
/// recount finds each item between its acknowledged and its attempted votes, with no differences.
/// </summary>
internal sealed class SigkillMidVotes : IAsyncDisposable
{
    private SigkillMidVotes(SiloProcess restarted, HttpClient client, string pollId, IReadOnlyDictionary<string, long> counted)
    {
        Restarted = restarted;
        Client = client;
        PollId = pollId;
        Counted = counted;
    }

    public SiloProcess Restarted { get; }

    /// <summary>A client of the restarted silo, with the editor's token.</summary>
    public HttpClient Client { get; }

    public string PollId { get; }

    /// <summary>The votes per item the recount found after the restart.</summary>
    public IReadOnlyDictionary<string, long> Counted { get; }

    /// <param name="createPoll">Creates the poll with the editor's client and answers its id.</param>
    /// <param name="voterPrefix">The voters' subjects are this and their number.</param>
    /// <param name="itemsOf">What a reader's <c>votes/me</c> answer counts the vote under, as <see cref="CrashBallot.Items"/>.</param>
    public static async Task<SigkillMidVotes> RunAsync(
        string dataDirectory, ITestOutputHelper output, Func<HttpClient, Task<string>> createPoll, string voterPrefix,
        IReadOnlyList<CrashBallot> ballots, Func<JsonElement, string[]> itemsOf)
    {
        var voters = ballots.Count;
        string pollId;
        string[] tokens;
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var attempted = 0;
        await using (var silo = await SiloProcess.StartAsync(dataDirectory))
        {
            using var client = silo.CreateClient();
            using (var editor = silo.CreateClient())
            {
                editor.WithToken(await editor.DevTokenAsync("crash-editor", "editor"));
                pollId = await createPoll(editor);
            }

            tokens = await Task.WhenAll(Enumerable.Range(0, voters).Select(i => client.DevTokenAsync($"{voterPrefix}{i}")));
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

        var restarted = await SiloProcess.StartAsync(dataDirectory);
        var after = restarted.CreateClient();
        try
        {
            foreach (var voter in acknowledged.Keys)
            {
                after.WithToken(tokens[voter]);
                var mine = await after.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/votes/me");
                Assert.Equal(ballots[voter].Items, itemsOf(mine));
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
            return new SigkillMidVotes(restarted, after, pollId, counted);
        }
        catch
        {
            after.Dispose();
            await restarted.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Restarted.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Security.Tests.Faults;

/// <summary>
/// Redis mode, Redis stopped for 10 s under load: writes answer 503 and leave nothing half-done, what needs no store
/// keeps answering, and once Redis is back the service recovers by itself and every acknowledged write is there.
/// </summary>
public sealed class RedisOutageTests(Counts counts, ITestOutputHelper output) : IClassFixture<Counts>, IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private readonly string _dataDirectory = TestDirectories.Create("redis-outage-silo");
    private readonly RedisServerProcess _redis = new();

    [Fact]
    public async Task Writes_answer_503_while_redis_is_down_and_the_service_recovers_by_itself_losing_nothing()
    {
        Assert.True(RedisServerProcess.IsInstalled, "This test needs redis-server on PATH (CI installs it).");
        _redis.Start();
        var fault = new FaultSilo(readers: 6_000);
        var settings = fault.Settings(_redis.ConnectionString);
        var reads = new ConcurrentDictionary<string, ConcurrentBag<int>>();
        string pollId;
        MixedLoad load;
        var retried = new Dictionary<int, string>();
        var retriedComments = new Dictionary<int, string>();
        var storedDespite503 = 0;
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory, settings))
        {
            using var client = silo.CreateClient();
            pollId = await fault.CreatePollAsync(client);
            using (await client.GetAsync($"/api/polls/{pollId}"))
            using (await client.GetAsync($"/api/articles/{fault.ArticleId}"))
            {
            }

            load = new MixedLoad(client, pollId, fault.ArticleId, fault.ReaderTokens, pause: TimeSpan.FromMilliseconds(40));
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(lanes: 8, stop.Token);
            await FaultSilo.WaitUntilAsync(() => load.AcknowledgedVotes.Count + load.AcknowledgedComments.Count >= 60, TimeSpan.FromSeconds(60), "60 writes before the outage");

            _redis.Stop();
            var outageEnds = DateTime.UtcNow + Outage;
            await Task.WhenAll(new[] { "/health/live", "/health/ready", "/api/model", $"/api/polls/{pollId}", $"/api/articles/{fault.ArticleId}" }
                .Select(path => Task.Run(async () =>
                {
                    while (DateTime.UtcNow < outageEnds)
                    {
                        using var response = await client.GetAsync(path);
                        reads.GetOrAdd(path, _ => []).Add((int)response.StatusCode);
                        await Task.Delay(250);
                    }
                })));

            var refusedDuringOutage = load.Refused.Count;
            _redis.Start();
            var acknowledgedAtReturn = load.AcknowledgedVotes.Count + load.AcknowledgedComments.Count;
            await FaultSilo.WaitUntilAsync(() => load.AcknowledgedVotes.Count + load.AcknowledgedComments.Count >= acknowledgedAtReturn + 60,
                TimeSpan.FromSeconds(60), "60 writes acknowledged after Redis came back");
            stop.Cancel();
            await running;
            using var ready = await client.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.True(refusedDuringOutage > 0, "no write was refused while Redis was down");

            // A comment refused with 503 can still have been stored: the store took it and went away before the
            // answer. Such a comment is counted, not posted again; posting carries no idempotency key to dedupe it yet.
            var threadBodies = (await StoredWrites.ThreadAsync(client, fault.ArticleId)).Select(item => item.Body).ToHashSet();
            foreach (var (reader, _) in load.Refused.Where(pair => pair.Value == 503))
            {
                if (!MixedLoad.Votes(reader) && threadBodies.Contains(MixedLoad.BodyOf(reader)))
                {
                    storedDespite503++;
                    continue;
                }

                using var request = MixedLoad.Votes(reader)
                    ? new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes") { Content = JsonContent.Create(new { optionId = MixedLoad.OptionOf(reader) }) }
                    : new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{fault.ArticleId}/comments") { Content = JsonContent.Create(new { body = MixedLoad.BodyOf(reader) }) };
                request.Headers.Authorization = new("Bearer", fault.ReaderTokens[reader]);
                using var response = await client.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"retry of reader {reader}'s refused write got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                if (MixedLoad.Votes(reader))
                {
                    retried[reader] = MixedLoad.OptionOf(reader);
                }
                else
                {
                    retriedComments[reader] = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
                }
            }

            await silo.StopAsync();
        }

        var unexpected = load.Refused.Where(pair => pair.Value != 503).Select(pair => $"reader {pair.Key}: {pair.Value}").ToArray();
        await using var restarted = await SiloProcess.StartAsync(_dataDirectory, settings);
        using var after = restarted.CreateClient();
        var verifier = fault.Verifier(after, pollId);
        var votes = load.AcknowledgedVotes.Concat(retried).ToDictionary();
        var comments = load.AcknowledgedComments.Concat(retriedComments).ToDictionary();
        await verifier.VerifyAsync(votes, comments, Enumerable.Range(0, load.Attempted).Count(MixedLoad.Votes));

        var readSummary = string.Join(", ", reads.OrderBy(pair => pair.Key).Select(pair =>
            $"{pair.Key} {string.Join("/", pair.Value.GroupBy(status => status).OrderBy(group => group.Key).Select(group => $"{group.Count()}x{group.Key}"))}"));
        counts.Report(output, "fault: redis down 10 s under load",
            $"{load.Attempted} writes tried, 1 outage injected; {load.Refused.Count} refused ({string.Join(", ", load.Refused.Values.GroupBy(s => s).Select(g => $"{g.Count()}x{g.Key}"))}), " +
            $"{load.Unanswered.Count} unanswered; {retried.Count + retriedComments.Count} refused writes retried after recovery, " +
            $"{storedDespite503} refused comments found stored anyway; " +
            $"{votes.Count} votes and {comments.Count} comments verified after a restart in {verifier.Verified} checks, {verifier.Failures.Count} failed; reads during the outage: {readSummary}");
        Assert.True(unexpected.Length == 0, "writes refused with something other than 503: " + string.Join(", ", unexpected.Take(20)));
        Assert.Empty(load.Unanswered);
        Assert.All(reads["/health/live"], status => Assert.Equal(200, status));
        Assert.All(reads["/api/model"], status => Assert.Equal(200, status));
        Assert.All(reads["/health/ready"], status => Assert.Equal(503, status));
        Assert.All(reads.Values.SelectMany(statuses => statuses), status => Assert.True(status is 200 or 503, $"a read answered {status}"));
        Assert.True(verifier.Failures.Count == 0, string.Join('\n', verifier.Failures.Take(30)));
    }

    public void Dispose()
    {
        _redis.Dispose();
        TestDirectories.TryDelete(_dataDirectory);
    }
}

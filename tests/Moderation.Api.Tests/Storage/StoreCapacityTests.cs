using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Capacity;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Telemetry;
using Moderation.Redis.Capacity;
using Moderation.Testing;

namespace Moderation.Api.Tests.Storage;

/// <summary>
/// The embedded store without its storage tier, given a few MB of memory, refuses writes with a 503 before it would drop
/// any record: nothing refused is stored, every acknowledged comment and vote reads back, before and after a restart,
/// and readiness and the fill metric say so.
/// </summary>
public sealed class StoreCapacityTests : IDisposable
{
    private const long MemoryBytes = 2 * 1024 * 1024;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Storage:EmbeddedMemoryBytes"] = MemoryBytes.ToString(),
        ["Comments:PostInterval"] = "00:00:00",
        ["RateLimits:Enabled"] = "false",
    };

    private readonly string _dataDirectory = TestDirectories.Create("capacity");

    [Fact]
    public async Task A_full_embedded_store_refuses_comments_and_votes_with_a_503_keeps_every_acknowledged_one_across_restarts_and_takes_writes_again_with_more_memory()
    {
        AcknowledgedWrites writes;
        AcknowledgedWrites.Refusals refused;
        await using (var silo = new SiloFactory(_dataDirectory, settings: Settings))
        {
            using var measurements = new RecordedMeasurements(silo.Services.GetRequiredService<IMeterFactory>());
            await silo.WaitUntilReadyAsync();
            writes = new AcknowledgedWrites(silo.CreateClient);

            refused = await writes.WriteUntilRefusedAsync(limit: 5_000);

            var problem = refused.VoteProblem!.Value;
            Assert.Equal(StoreFullGate.ProblemType, problem.GetProperty("type").GetString());
            Assert.Equal("The store is full", problem.GetProperty("title").GetString());
            Assert.Contains("Storage:EmbeddedMemoryBytes", problem.GetProperty("detail").GetString());
            Assert.True(writes.Comments > 100, $"Only {writes.Comments} comments were acknowledged before the store was full.");
            await AssertReadyButDegradedAsync(silo.CreateClient());
            using (var reader = await silo.ReaderAsync("checks-a-draft"))
            using (var check = await reader.PostAsJsonAsync("/api/toxicity/check", new { body = CommentClient.Civil }))
            {
                Assert.True(check.IsSuccessStatusCode, "A route that stores nothing is refused while the store is full: " + await check.Content.ReadAsStringAsync());
            }

            Assert.True(measurements.Observe("moderation.store.fill", "level", "full") >= 0.85);

            await writes.AssertAllReadableAsync(silo.CreateClient);
            await writes.AssertNoneStoredAsync(silo.CreateClient, refused);
            Assert.False(silo.Services.GetRequiredService<StoreCapacity>().HasDroppedRecords, "The store's log no longer begins where it did: it dropped records.");
        }

        await using (var restarted = new SiloFactory(_dataDirectory, settings: Settings))
        {
            await restarted.WaitUntilReadyAsync();
            await writes.AssertAllReadableAsync(restarted.CreateClient);
            await writes.AssertNoneStoredAsync(restarted.CreateClient, refused);
            using var reader = await restarted.ReaderAsync("after-restart");
            var refusedAgain = await ProblemAssert.Expect(await reader.PostCommentAsync(CommentClient.NewArticle("full"), CommentClient.Civil), HttpStatusCode.ServiceUnavailable);
            Assert.Equal(StoreFullGate.ProblemType, refusedAgain.GetProperty("type").GetString());
        }

        var doubled = new Dictionary<string, string?>(Settings) { ["Storage:EmbeddedMemoryBytes"] = (2 * MemoryBytes).ToString() };
        await using var raised = new SiloFactory(_dataDirectory, settings: doubled);
        await raised.WaitUntilReadyAsync();
        await writes.AssertAllReadableAsync(raised.CreateClient);
        writes.WriteThrough(raised.CreateClient);
        await writes.PostCommentsAsync(8);
        await writes.VoteAsync(1);
        await writes.AssertAllReadableAsync(raised.CreateClient);
    }

    private static async Task AssertReadyButDegradedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        var health = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, health);
        var body = System.Text.Json.JsonDocument.Parse(health).RootElement;
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var check = body.GetProperty("checks").GetProperty("store-capacity");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Contains("writes are refused", check.GetProperty("description").GetString());
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);
}

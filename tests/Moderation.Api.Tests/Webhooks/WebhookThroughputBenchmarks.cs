using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Webhooks;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>
/// Webhook deliveries per second to a fast receiver on loopback, and comment posts per second while a receiver hangs,
/// in process on the embedded store, with the default dispatch settings:
/// MODERATION_BENCHMARKS=1 dotnet test tests/Moderation.Api.Tests --filter FullyQualifiedName~WebhookThroughputBenchmarks
/// </summary>
public sealed class WebhookThroughputBenchmarks(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Webhooks = 4;
    private const int Events = 1_000;

    private readonly SiloFactory _factory = new(settings: new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Comments:PostInterval"] = "00:00:00",
        ["RateLimits:Enabled"] = "false",
    });

    [BenchmarkFact]
    public async Task Deliveries_per_second_to_a_fast_receiver_from_every_part_and_from_one_part()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var editor = await _factory.ReaderAsync("throughput-editor", "editor");
        for (var i = 0; i < Webhooks; i++)
        {
            await editor.RegisterAsync(receiver.Url, "reader.banned");
        }

        var outbox = _factory.Services.GetRequiredService<WebhookOutbox>();
        var expected = 0;
        foreach (var (label, partOf) in new (string, Func<int, int>)[] { ("every part", i => i % CommentParts.Count), ("one part", _ => 3) })
        {
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForAsync(0, Events, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
                await outbox.RecordAsync(partOf(i), WebhookEvents.Banned(WebhookEvents.NewId(), $"reader-{i}", "mod", "spam", DateTimeOffset.UtcNow)));
            var recorded = Stopwatch.GetElapsedTime(started).TotalSeconds;
            expected += Events * Webhooks;
            await receiver.WaitForAsync(expected, TimeSpan.FromMinutes(3));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            output.WriteLine($"{Events} events from {label} to {Webhooks} webhooks: {Events * Webhooks} deliveries in {seconds:F1} s " +
                $"(events recorded in {recorded:F1} s): {Events * Webhooks / seconds:F0} deliveries/s");
        }

        Assert.Equal(expected, receiver.Accepted.Select(delivery => delivery.DeliveryId).Distinct().Count());
    }

    [BenchmarkFact]
    public async Task Posts_per_second_with_a_receiver_that_answers_after_10_s_against_no_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(10);
        using var editor = await _factory.ReaderAsync("slow-editor", "editor");
        var readers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => _factory.ReaderAsync($"slow-bench-{i}")));
        await PostForAsync(readers, TimeSpan.FromSeconds(5), "warm-up");

        await PostForAsync(readers, TimeSpan.FromSeconds(15), "no webhook");
        await editor.RegisterAsync(receiver.Url, "comment.published");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await PostForAsync(readers, TimeSpan.FromSeconds(15), "a webhook on every post, its receiver answering after 10 s");

        foreach (var reader in readers)
        {
            reader.Dispose();
        }
    }

    private async Task PostForAsync(HttpClient[] readers, TimeSpan duration, string label)
    {
        var articles = Enumerable.Range(0, 8).Select(_ => CommentClient.NewArticle("hook-bench")).ToArray();
        var latencies = new Latencies();
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(readers.Select((reader, lane) => Task.Run(async () =>
        {
            for (var n = 0; Stopwatch.GetElapsedTime(started) < duration; n++)
            {
                using var response = await latencies.TimeAsync(() => reader.PostCommentAsync(articles[(lane + n) % articles.Length], $"{CommentClient.Civil} ({lane}/{n})"));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.WriteLine($"{readers.Length} readers posting, {label}: {latencies.Count / seconds:F0} posts/s, {latencies.Summary()}, {failures} not 201");
        Assert.Equal(0, failures);
    }

    public Task InitializeAsync() => _factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
}

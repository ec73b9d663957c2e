using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Comments;

/// <summary>
/// Comment posts per second and their latency through the whole service with the toxicity filter on, in process
/// (test server, embedded store with every write committed before the reply):
/// MODERATION_BENCHMARKS=1 dotnet test tests/Moderation.Api.Tests --filter FullyQualifiedName~PostThroughputBenchmarks
/// </summary>
public sealed class PostThroughputBenchmarks(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Lanes = 32;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    // No wait between one reader's posts, so that a few readers can load the service.
    private readonly SiloFactory _factory = new(settings: new Dictionary<string, string?> { ["Comments:PostInterval"] = "00:00:00" });

    private static readonly string[] Texts =
    [
        CommentClient.Civil,
        "I disagree with the premise, but the reporting on the council budget was fair and clear.",
        "Does anyone know when the next public meeting on the bypass is scheduled?",
        "This is the third article this month about the same road works; is there any news?",
        CommentClient.Abusive,
    ];

    [BenchmarkFact]
    public async Task Posts_per_second_and_latency_with_the_filter_on()
    {
        var articles = Enumerable.Range(0, 8).Select(_ => CommentClient.NewArticle("bench")).ToArray();
        var readers = await Task.WhenAll(Enumerable.Range(0, Lanes).Select(i => _factory.ReaderAsync($"bench-{i}")));
        for (var i = 0; i < 200; i++)
        {
            (await readers[i % Lanes].PostCommentAsync(CommentClient.NewArticle("warm"), Texts[i % Texts.Length])).Dispose();
        }

        foreach (var (label, articleCount) in new[] { ("one article", 1), ("eight articles", 8), ("one article again", 1) })
        {
            var latencies = new Latencies();
            var failures = 0;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(readers.Select((reader, lane) => Task.Run(async () =>
            {
                var n = 0;
                while (Stopwatch.GetElapsedTime(started) < Duration)
                {
                    var article = articles[(lane + n) % articleCount];
                    var text = $"{Texts[(lane + n) % Texts.Length]} ({lane}/{n})";
                    using var response = await latencies.TimeAsync(() => reader.PostCommentAsync(article, text));
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    n++;
                }
            })));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            output.WriteLine($"{Lanes} readers posting to {label} for {seconds:F0} s: {latencies.Count / seconds:F0} posts/s, {latencies.Summary()}, {failures} not 201");
            Assert.Equal(0, failures);
        }

        foreach (var reader in readers)
        {
            reader.Dispose();
        }
    }

    public Task InitializeAsync() => _factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
}

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;
using Moderation.Toxicity.Retraining;
using static Moderation.Api.Tests.Model.ModelClient;

namespace Moderation.Api.Tests.Model;

/// <summary>A retrain starts by itself once enough labels came in, and not again before the interval passes.</summary>
public sealed class AutoRetrainTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Enough_new_labels_start_a_retrain_by_themselves_at_most_once_per_interval()
    {
        var learner = new TestLearner { Outcome = LearnerOutcome.Worse };
        await using var silo = new SiloFactory(redisConnectionString: redis.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Model:AutoRetrainLabels"] = "10",
            ["Model:AutoRetrainCheckInterval"] = "00:00:00.200",
            ["Model:AutoRetrainInterval"] = "01:00:00",
        });
        await using var factory = silo.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ISiteLearner>(learner)));
        using var moderator = factory.CreateClient();
        (await moderator.WaitUntilReadyAsync()).EnsureSuccessStatusCode();
        moderator.WithToken(await moderator.DevTokenAsync("auto", "moderator"));

        await moderator.ImportOkAsync([.. Enumerable.Range(0, 9).Select(i => Label(Unique($"nine labels {i}"), i % 2 == 0))]);
        await Task.Delay(1000);
        var beforeTheTenth = await JobsAsync(moderator);
        await moderator.ImportOkAsync(Label(Unique("the tenth label"), true));
        var started = await WaitForJobAsync(moderator);
        await moderator.FinishedJobAsync(started.Id());
        await moderator.ImportOkAsync([.. Enumerable.Range(0, 20).Select(i => Label(Unique($"twenty more {i}"), i % 2 == 0))]);
        await Task.Delay(1000);
        var afterTwentyMore = await JobsAsync(moderator);

        Assert.Empty(beforeTheTenth);
        Assert.Equal("labels", started.GetProperty("trigger").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, started.GetProperty("requestedBy").ValueKind);
        Assert.Single(afterTwentyMore);
    }

    private static async Task<List<System.Text.Json.JsonElement>> JobsAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/model/retrain")).GetProperty("items").EnumerateArray()];

    private static async Task<System.Text.Json.JsonElement> WaitForJobAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if ((await JobsAsync(client)).FirstOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object } job)
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, "No retrain started by itself.");
            await Task.Delay(100);
        }
    }
}

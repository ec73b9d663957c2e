using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Testing;
using Moderation.Toxicity.Retraining;

namespace Moderation.Api.Tests.Model;

/// <summary>A silo that stops while its retrain runs leaves the job failed with the reason, for the next silo to show.</summary>
public sealed class SiloRestartTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task A_silo_shut_down_mid_retrain_leaves_the_job_failed_with_the_reason_and_after_the_restart_a_new_retrain_runs()
    {
        var learner = new TestLearner { Outcome = LearnerOutcome.Worse };
        learner.Hold();
        string id;
        await using (var silo = Silo(learner, out var factory))
        {
            using var moderator = factory.CreateClient();
            (await moderator.WaitUntilReadyAsync()).EnsureSuccessStatusCode();
            moderator.WithToken(await moderator.DevTokenAsync("mod", "moderator"));
            id = await moderator.RetrainAsync();
            await learner.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await factory.DisposeAsync();
        }

        learner.Release();
        var restarted = new TestLearner { Outcome = LearnerOutcome.Worse };
        await using var again = Silo(restarted, out var second);
        using var client = second.CreateClient();
        (await client.WaitUntilReadyAsync()).EnsureSuccessStatusCode();
        client.WithToken(await client.DevTokenAsync("mod", "moderator"));
        var job = await client.FinishedJobAsync(id);
        var next = await client.FinishedJobAsync(await client.RetrainAsync());

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("shut down before it finished", job.GetProperty("error").GetString());
        Assert.Equal("succeeded", next.GetProperty("status").GetString());
    }

    private SiloFactory Silo(TestLearner learner, out Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        var silo = new SiloFactory(redisConnectionString: redis.ConnectionString, settings: new Dictionary<string, string?> { ["Orleans:ClusterId"] = "restart" });
        factory = silo.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ISiteLearner>(learner)));
        return silo;
    }
}

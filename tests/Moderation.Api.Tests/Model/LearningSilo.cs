using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Testing;
using Moderation.Toxicity.Retraining;
using Xunit.Sdk;

namespace Moderation.Api.Tests.Model;

[CollectionDefinition(Name)]
public sealed class LearningCollection : ICollectionFixture<LearningSilo>
{
    public const string Name = "learning";
}

/// <summary>One service over a real redis-server (the embedded store without one) with a learner the tests steer.</summary>
public sealed class LearningSilo : IAsyncLifetime
{
    public LearningSilo()
    {
        Redis = new RedisServerFixture(new NullMessageSink());
        Silo = new SiloFactory(redisConnectionString: Redis.ConnectionString);
        Factory = Silo.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ISiteLearner>(Learner)));
    }

    public RedisServerFixture Redis { get; }

    public SiloFactory Silo { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public TestLearner Learner { get; } = new();

    public async Task<HttpClient> ClientAsync(string subject, params string[] roles)
    {
        var client = Factory.CreateClient();
        return client.WithToken(await client.DevTokenAsync($"{subject}-{Guid.NewGuid().ToString("N")[..6]}", roles));
    }

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync();
        ready.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Learner.Release();
        await Factory.DisposeAsync();
        await Silo.DisposeAsync();
        Redis.Dispose();
    }
}

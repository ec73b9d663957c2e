using System.Net;
using System.Net.Http.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Hosting;

public sealed class ConfigurationTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task With_a_redis_connection_string_the_service_runs_on_that_redis_and_starts_no_embedded_store()
    {
        output.WriteLine($"Redis: {redis.Kind}");
        await using var factory = new SiloFactory(redisConnectionString: redis.ConnectionString);
        using var client = factory.CreateClient();
        client.WithToken(await client.DevTokenAsync("eddie", "editor"));

        using var ready = await client.WaitUntilReadyAsync();
        using var write = await client.PutAsJsonAsync("/api/articles/on-redis/settings", new { premoderation = true });

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "store")));
    }

    [Theory]
    [InlineData("Model:TargetCleanHoldRate", "1.5")]
    [InlineData("Model:AutoRetrainLabels", "-1")]
    [InlineData("Model:MaxImportBodyBytes", "0")]
    public void A_learning_loop_setting_out_of_range_refuses_to_start_and_names_it(string setting, string value)
    {
        using var factory = new SiloFactory(settings: new Dictionary<string, string?> { [setting] = value });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(setting, failure.ToString());
    }

    [Fact]
    public void Production_without_a_signing_key_refuses_to_start_and_says_why()
    {
        using var factory = new SiloFactory(settings: new Dictionary<string, string?> { ["environment"] = "Production" });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Auth:SigningKey", failure.ToString());
    }

    [Fact]
    public async Task Production_with_a_signing_key_serves_no_dev_tokens()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        await using var factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:SigningKey"] = key,
        });
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/dev/tokens", new { subject = "x", roles = new[] { "admin" } });

        await ProblemAssert.Expect(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public void A_signing_key_shorter_than_32_bytes_is_refused()
    {
        using var factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:SigningKey"] = Convert.ToBase64String(new byte[16]),
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("at least 32", failure.ToString());
    }
}

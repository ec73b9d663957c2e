using System.Net;
using System.Text.Json;
using Moderation.Api.Model;
using Moderation.Testing;
using Moderation.Toxicity.Models;
using Moderation.Redis.Model;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Toxicity;

/// <summary>A corrupt or missing model keeps the process up and not ready, with the reason, instead of crashing it.</summary>
public sealed class BrokenModelTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly string _cache = TestDirectories.Create("broken-model-cache");

    [Theory]
    [InlineData("corrupt")]
    [InlineData("missing")]
    public async Task A_corrupt_or_missing_current_model_fails_readiness_with_a_clear_message_and_scoring_answers_503(string damage)
    {
        var version = $"broken-{damage}";
        using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var store = new RedisModelStore(new ModelVersionRecords(connection), _cache);
            var model = DefaultModel.Load();
            store.Save(model.WithManifest(model.Manifest with { Version = version }));
            var files = ModelRedisKeys.VersionFiles(version);
            if (damage == "corrupt")
            {
                await connection.GetDatabase().HashSetAsync(files, model.Manifest.ModelFile, "not a zip");
            }
            else
            {
                await connection.GetDatabase().HashDeleteAsync(files, model.Manifest.ModelFile);
            }

            store.Promote(version);
        }

        await using var factory = new SiloFactory(redisConnectionString: redis.ConnectionString);
        using var client = factory.CreateClient();
        client.WithToken(await client.DevTokenAsync("reader"));

        var ready = await ReadyAfterModelLoadAsync(client);
        using var live = await client.GetAsync("/health/live");
        using var check = await client.PostAsync("/api/toxicity/check",
            new StringContent("{\"body\":\"hello\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains(version, ready.ModelError);
        await ProblemAssert.Expect(check, HttpStatusCode.ServiceUnavailable);
    }

    public void Dispose() => TestDirectories.TryDelete(_cache);

    private static async Task<(HttpStatusCode Status, string ModelError)> ReadyAfterModelLoadAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var model = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("model");
            var description = model.GetProperty("description").GetString() ?? "";
            if (!description.Contains("not been loaded", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, description);
            }

            await Task.Delay(100);
        }
    }
}

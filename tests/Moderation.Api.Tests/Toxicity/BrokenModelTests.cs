using System.Net;
using System.Text.Json;
using Moderation.Testing;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Store;

namespace Moderation.Api.Tests.Toxicity;

/// <summary>A corrupt or missing model keeps the process up and not ready, with the reason, instead of crashing it.</summary>
public sealed class BrokenModelTests : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("broken-model");

    [Theory]
    [InlineData("corrupt")]
    [InlineData("missing")]
    public async Task A_corrupt_or_missing_current_model_fails_readiness_with_a_clear_message_and_scoring_answers_503(string damage)
    {
        var store = new FileSystemModelStore(Path.Combine(_dataDirectory, "models"));
        var model = DefaultModel.Load();
        store.Save(model.WithManifest(model.Manifest with { Version = "broken-1" }));
        store.Promote("broken-1");
        var modelFile = Path.Combine(_dataDirectory, "models", "versions", "broken-1", model.Manifest.ModelFile);
        if (damage == "corrupt")
        {
            await File.WriteAllTextAsync(modelFile, "not a zip");
        }
        else
        {
            File.Delete(modelFile);
        }

        await using var factory = new SiloFactory(_dataDirectory);
        using var client = factory.CreateClient();
        client.WithToken(await client.DevTokenAsync("reader"));

        var ready = await ReadyAfterModelLoadAsync(client);
        using var live = await client.GetAsync("/health/live");
        using var check = await client.PostAsync("/api/toxicity/check",
            new StringContent("{\"body\":\"hello\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains("broken-1", ready.ModelError);
        await ProblemAssert.Expect(check, HttpStatusCode.ServiceUnavailable);
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);

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

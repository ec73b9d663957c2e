using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;
using Moderation.Toxicity.Retraining;
using static Moderation.Api.Tests.Model.ModelClient;

namespace Moderation.Api.Tests.Model;

/// <summary>The embedded store (Garnet), which a single silo runs by default, holds model versions and labels as Redis does.</summary>
public sealed class EmbeddedStoreTests
{
    [Fact]
    public async Task On_the_embedded_store_a_promoted_version_is_saved_loaded_scored_with_and_survives_a_restart()
    {
        var directory = TestDirectories.Create("embedded-model");
        try
        {
            string promoted;
            await using (var silo = new SiloFactory(directory))
            await using (var factory = silo.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                services.AddSingleton<ISiteLearner>(new TestLearner { Outcome = LearnerOutcome.Better }))))
            {
                using var moderator = factory.CreateClient();
                (await moderator.WaitUntilReadyAsync()).EnsureSuccessStatusCode();
                moderator.WithToken(await moderator.DevTokenAsync("embedded", "moderator"));
                await moderator.ImportOkAsync(Label(Unique("a toxic label"), true), Label(Unique("a clean label"), false));

                var job = await moderator.FinishedJobAsync(await moderator.RetrainAsync());
                promoted = job.GetProperty("report").GetProperty("candidate").GetProperty("version").GetString()!;
                await moderator.WaitForModelAsync(promoted);
            }

            Directory.Delete(Path.Combine(directory, "model-cache"), recursive: true);
            await using var restarted = new SiloFactory(directory);
            using var client = restarted.CreateClient();
            (await client.WaitUntilReadyAsync()).EnsureSuccessStatusCode();
            client.WithToken(await client.DevTokenAsync("embedded", "moderator"));
            var model = await client.GetJsonAsync("/api/model");
            var labels = await client.LabelsAsync();

            Assert.Equal(promoted, model.GetProperty("version").GetString());
            Assert.Equal(2, labels.GetProperty("total").GetInt64());
            Assert.Equal(0, labels.Count("sinceCurrentModel", "total"));
        }
        finally
        {
            TestDirectories.TryDelete(directory);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Toxicity;

[Collection(SiloCollection.Name)]
public sealed class ModelApiTests(SharedSilo silo)
{
    [Fact]
    public async Task The_model_in_use_is_described_with_its_version_metrics_and_threshold()
    {
        using var client = silo.CreateClient();
        await WaitForModelAsync(client);

        var model = await client.GetFromJsonAsync<JsonElement>("/api/model");

        Assert.False(string.IsNullOrEmpty(model.GetProperty("version").GetString()));
        Assert.True(model.GetProperty("trainingRows").GetInt32() > 0);
        Assert.InRange(model.GetProperty("holdThreshold").GetDouble(), 0, 1);
        Assert.True(model.GetProperty("metrics").EnumerateObject().Any());
    }

    [Fact]
    public async Task A_moderator_gets_a_score_with_the_words_that_drove_it()
    {
        using var client = silo.CreateClient();
        await WaitForModelAsync(client);
        client.WithToken(await client.DevTokenAsync("mod", "moderator"));

        using var response = await client.PostAsJsonAsync("/api/model/score", new { text = "You are a stupid idiot and everyone hates you." });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("score").GetDouble() > 0.5);
        var words = body.GetProperty("explanation").EnumerateArray().Select(term => term.GetProperty("text").GetString()).ToList();
        Assert.Contains(words, word => word is "idiot" or "stupid");
    }

    [Fact]
    public async Task A_reader_may_check_a_draft_but_not_use_the_moderators_scoring()
    {
        using var client = silo.CreateClient();
        await WaitForModelAsync(client);
        client.WithToken(await client.DevTokenAsync("drafting-reader"));

        using var clean = await client.PostAsJsonAsync("/api/toxicity/check", new { body = "Thank you for the careful reporting on the prison deal." });
        using var toxic = await client.PostAsJsonAsync("/api/toxicity/check", new { body = "Shut up you worthless moron, you are a disgusting idiot." });
        using var moderatorOnly = await client.PostAsJsonAsync("/api/model/score", new { text = "hello" });

        Assert.False((await clean.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("wouldHold").GetBoolean());
        Assert.True((await toxic.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("wouldHold").GetBoolean());
        await ProblemAssert.Expect(moderatorOnly, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_empty_draft_is_a_validation_problem()
    {
        using var client = silo.CreateClient();
        client.WithToken(await client.DevTokenAsync("empty-drafter"));

        using var response = await client.PostAsJsonAsync("/api/toxicity/check", new { body = "   " });

        await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_article_without_its_own_threshold_shows_the_models()
    {
        using var client = silo.CreateClient();
        var model = await WaitForModelAsync(client);

        var article = await client.GetFromJsonAsync<JsonElement>("/api/articles/threshold-default");

        Assert.Equal(model.GetProperty("holdThreshold").GetDouble(), article.GetProperty("holdThreshold").GetDouble());
    }

    internal static async Task<JsonElement> WaitForModelAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/api/model");
            if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            await Task.Delay(100);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Moderation.Testing;

namespace Moderation.Api.Tests.Problems;

[Collection(SiloCollection.Name)]
public sealed class ProblemDetailsTests(SharedSilo silo)
{
    [Fact]
    public async Task Malformed_json_is_400_and_changes_nothing()
    {
        var (client, article) = await EditorAsync();

        using var response = await client.PutAsync($"/api/articles/{article}/settings", Json("{\"premoderation\": tru"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
        Assert.False(await PremoderationAsync(client, article));
    }

    [Fact]
    public async Task A_wrong_field_type_is_400()
    {
        var (client, article) = await EditorAsync();

        using var response = await client.PutAsync($"/api/articles/{article}/settings", Json("{\"holdThreshold\": \"high\"}"));

        await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        var (client, article) = await EditorAsync();

        using var response = await client.PutAsync($"/api/articles/{article}/settings",
            new StringContent("{\"premoderation\": true}", Encoding.UTF8, "text/plain"));

        await ProblemAssert.Expect(response, HttpStatusCode.UnsupportedMediaType);
        Assert.False(await PremoderationAsync(client, article));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var (client, article) = await EditorAsync();
        var padding = new string(' ', 70 * 1024);

        using var response = await client.PutAsync($"/api/articles/{article}/settings", Json("{\"premoderation\": true}" + padding));

        await ProblemAssert.Expect(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(await PremoderationAsync(client, article));
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("POST", "/api/articles/a/nothing-here")]
    public async Task An_unknown_api_route_is_a_404_problem(string method, string path)
    {
        using var client = silo.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ProblemAssert.Expect(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_article_id_is_a_validation_problem_naming_the_field()
    {
        using var client = silo.CreateClient();

        using var response = await client.GetAsync("/api/articles/" + new string('x', 129));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("articleId", out _));
    }

    [Fact]
    public async Task A_threshold_outside_zero_to_one_is_a_validation_problem_and_changes_nothing()
    {
        var (client, article) = await EditorAsync();

        using var response = await client.PutAsJsonAsync($"/api/articles/{article}/settings", new { premoderation = true, holdThreshold = 1.5 });

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("holdThreshold", out _));
        Assert.False(await PremoderationAsync(client, article));
    }

    private async Task<(HttpClient Client, string Article)> EditorAsync()
    {
        var client = silo.CreateClient();
        client.WithToken(await client.DevTokenAsync("eddie", "editor"));
        return (client, "problems-" + Guid.NewGuid().ToString("N")[..10]);
    }

    private static async Task<bool> PremoderationAsync(HttpClient client, string article)
    {
        var body = await client.GetFromJsonAsync<Dictionary<string, object>>($"/api/articles/{article}");
        return body!["premoderation"].ToString() == "True";
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
